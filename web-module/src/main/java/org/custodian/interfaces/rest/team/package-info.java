/** /api/v1/teams */
package org.custodian.interfaces.rest.team;
