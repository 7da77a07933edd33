/**
 * The portal's macros page (#23): team leads keep their teams' canned replies (list per team, create, change,
 * delete) through the macro service, which checks and audits every change.
 */
package org.custodian.interfaces.web.macro;
