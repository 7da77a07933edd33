/** REST pieces of reveal one field, with a reason (#23); the endpoints sit on the ticket and customer resources. */
package org.custodian.interfaces.rest.reveal;
