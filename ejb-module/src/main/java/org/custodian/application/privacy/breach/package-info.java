/**
 * The personal-data breach register (#25, Art. 33/34 GDPR): recording a breach (or proposing one from an anomaly
 * alert), its scope computed from the access reports where it is an access, the 72-hour clock to the supervisory
 * authority with one timer for its warnings, the notification or the decision not to notify, the decision about the
 * subjects, and a printable notification draft. Every write is audited in its transaction.
 */
package org.custodian.application.privacy.breach;
