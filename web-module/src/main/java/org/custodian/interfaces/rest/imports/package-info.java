/** The legacy import API (#24): dry runs, uploads started as the legacy-import job, their progress and reports. */
package org.custodian.interfaces.rest.imports;
