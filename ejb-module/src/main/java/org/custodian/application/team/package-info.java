/**
 * Teams (#22): groups of the users who work tickets in one region, administered by user administrators, read by
 * the people who work tickets there; the "team" queue and {@code assignee=team:<key>} are built from them.
 */
package org.custodian.application.team;
