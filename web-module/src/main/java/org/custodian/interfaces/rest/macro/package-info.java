/** The API of the teams' canned replies (#23). */
package org.custodian.interfaces.rest.macro;
