/** Teams: groups of the users who work tickets in one region, and the queue they share. */
package org.custodian.domain.model.team;
