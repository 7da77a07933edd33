/** The master lists over HTTP (#23): categories, products and sites with their owner teams. */
package org.custodian.interfaces.rest.catalog;
