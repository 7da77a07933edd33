/** The health checks as MicroProfile Health discovers them on every server: thin probes over registered checks. */
package org.custodian.interfaces.health.probe;
