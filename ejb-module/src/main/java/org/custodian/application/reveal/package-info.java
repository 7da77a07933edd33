/**
 * Reveal one field, with a reason (#23): just-in-time access to single fields the matrix marks REVEALABLE, for one
 * user and a few minutes, audited (FIELD_REVEALED) and taken into effect by the one policy path that masks fields.
 */
package org.custodian.application.reveal;
