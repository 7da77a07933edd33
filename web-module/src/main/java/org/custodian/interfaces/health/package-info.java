/** MicroProfile Health checks served at /health. */
package org.custodian.interfaces.health;
