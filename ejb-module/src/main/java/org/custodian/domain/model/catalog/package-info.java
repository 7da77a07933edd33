/**
 * Master lists with owners (#23): the categories, products and sites tickets are classified by, each answered
 * for by a team; retired entries stay on old tickets.
 */
package org.custodian.domain.model.catalog;
