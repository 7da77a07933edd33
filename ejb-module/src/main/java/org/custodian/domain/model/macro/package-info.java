/** Canned replies (macros) of a team, with placeholders filled as the policy shows the values to the user. */
package org.custodian.domain.model.macro;
