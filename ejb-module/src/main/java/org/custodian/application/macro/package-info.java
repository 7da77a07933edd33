/**
 * Canned replies (#23): team leads (MACRO_MANAGE) keep them per team; the people who work tickets use their
 * teams' macros, filled with what the policy lets them see of the ticket and its customer.
 */
package org.custodian.application.macro;
