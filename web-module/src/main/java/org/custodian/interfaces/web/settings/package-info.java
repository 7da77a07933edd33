/** The signed-in user's own settings page (#24: which notifications reach them, in the list and by mail). */
package org.custodian.interfaces.web.settings;
