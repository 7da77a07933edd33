/**
 * Master lists with owners (#23): supervisors keep the categories, products and sites; tickets are checked against
 * them when a value is set or changed.
 */
package org.custodian.application.catalog;
