/** JPA implementations of the domain repositories (EclipseLink; schema owned by Flyway). */
package org.custodian.infrastructure.persistence;
