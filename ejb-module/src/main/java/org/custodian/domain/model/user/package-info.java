/** Users, their roles and regions, and sign-in throttling. */
package org.custodian.domain.model.user;
