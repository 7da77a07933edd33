/** Privacy accountability over HTTP: records of processing (JSON and HTML) and DPIA inputs. */
package org.custodian.interfaces.rest.privacy;
