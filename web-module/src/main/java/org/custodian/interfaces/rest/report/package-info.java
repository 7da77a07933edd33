/** REST API of access reports (JSON and CSV) and anomaly alerts, for auditors and privacy officers. */
package org.custodian.interfaces.rest.report;
