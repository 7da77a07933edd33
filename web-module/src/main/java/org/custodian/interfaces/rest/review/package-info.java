/** REST API of access review campaigns and the dormant-accounts report (#22). */
package org.custodian.interfaces.rest.review;
