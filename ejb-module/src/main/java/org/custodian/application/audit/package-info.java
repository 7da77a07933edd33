/** The audit service: the single writer of the hash-chained trail and its verification. */
package org.custodian.application.audit;
