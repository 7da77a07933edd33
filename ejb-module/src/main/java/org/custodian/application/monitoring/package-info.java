/**
 * Monitoring dedup (#24, 000 M4.3): which senders are monitoring systems, and the one mechanism that makes a repeated
 * alert (from mail, or the desk's own backup incidents) a comment and a counter on its open ticket.
 */
package org.custodian.application.monitoring;
