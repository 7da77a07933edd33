/**
 * The portal in the user's language and time zone (#23): {@link org.custodian.interfaces.web.i18n.DisplaySettings}
 * decides both once per request (profile, else browser, else defaults); {@link org.custodian.interfaces.web.i18n.Texts}
 * gives Java code the bundle's words, {@link org.custodian.interfaces.web.i18n.Labels} the words for stored values,
 * {@link org.custodian.interfaces.web.i18n.Times} and the {@code cst:time} tag show instants.
 */
package org.custodian.interfaces.web.i18n;
