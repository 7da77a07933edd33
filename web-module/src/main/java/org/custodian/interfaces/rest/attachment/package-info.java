/** REST endpoints of ticket attachments (#24). */
package org.custodian.interfaces.rest.attachment;
