/** Building blocks shared by every bounded context: rule checks and their violations, the outboxes' attempts. */
package org.custodian.domain.shared;
