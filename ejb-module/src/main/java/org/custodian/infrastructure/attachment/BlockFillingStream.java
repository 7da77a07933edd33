package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Fills a block array and hands it on when it is full (#24): an attachment's chunk for its insert, a block of an
 * upload for its encryption. What a close does with the last, partial block is the subclass's.
 */
abstract class BlockFillingStream extends OutputStream {

    private byte[] block;
    private int filled;

    BlockFillingStream(int size) {
        block = new byte[size];
    }

    /** Takes a full block; returns the array to fill next (the same one when the block was used up). */
    abstract byte[] full(byte[] full) throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == block.length) {
                block = full(block);
                filled = 0;
            }
        }
    }

    /** The block being filled: its first {@link #filled()} bytes are the content not handed on yet. */
    final byte[] block() {
        return block;
    }

    final int filled() {
        return filled;
    }
}
