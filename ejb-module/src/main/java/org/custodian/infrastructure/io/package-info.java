/**
 * Stream pieces the infrastructure adapters share: the block filling that an attachment's chunks and a backup's
 * Deflate blocks are both cut by.
 */
package org.custodian.infrastructure.io;
