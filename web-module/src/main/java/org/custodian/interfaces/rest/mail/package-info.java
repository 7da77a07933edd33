/** The held-mail API (#24): mail from unauthenticated senders, for an agent to accept or discard. */
package org.custodian.interfaces.rest.mail;
