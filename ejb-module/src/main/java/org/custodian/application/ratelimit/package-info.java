/**
 * Rate limits of the API (#22), per credential (a user, or an API key) and per source address, in fixed windows.
 * The counters sit behind a port ({@link RateCounterStore}) so that every node of an installation shares them
 * (implemented on PostgreSQL); the sign-in throttles of {@code application.auth} are separate and stay so.
 */
package org.custodian.application.ratelimit;
