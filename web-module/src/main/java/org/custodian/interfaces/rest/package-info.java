/** The JAX-RS API under /api/v1: thin resources over the application services. */
package org.custodian.interfaces.rest;
