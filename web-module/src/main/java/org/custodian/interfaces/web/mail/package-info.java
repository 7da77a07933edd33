/** Portal pages of the mail channel (#24): the held-mail list agents decide on. */
package org.custodian.interfaces.web.mail;
