/**
 * This installation's own keys: generated on first start into the data directory when none are configured,
 * offered to the rest of the application as MicroProfile Config values of the lowest priority.
 */
package org.custodian.infrastructure.keys;
