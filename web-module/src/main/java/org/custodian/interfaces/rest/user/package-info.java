/** /api/v1/users, /api/v1/role-grant-requests and /api/v1/invitations/accept: user administration (#22). */
package org.custodian.interfaces.rest.user;
