/** Building blocks shared by every bounded context: rule checks and their violations. */
package org.custodian.domain.shared;
