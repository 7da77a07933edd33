/** Webhooks over REST (#24), for an integration's service account key with the {@code webhooks} scope. */
package org.custodian.interfaces.rest.webhook;
