package org.custodian.infrastructure.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Fills a block array and hands it on when it is full: an attachment's chunk for its insert, a block of an upload
 * for its encryption (#24), a backup's block for its Deflate (#27). What a close does with the last, partial block
 * is the subclass's.
 */
public abstract class BlockFillingStream extends OutputStream {

    private byte[] block;
    private int filled;

    protected BlockFillingStream(int size) {
        block = new byte[size];
    }

    /** Takes a full block; returns the array to fill next (the same one when the block was used up). */
    protected abstract byte[] full(byte[] full) throws IOException;

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
    protected final byte[] block() {
        return block;
    }

    protected final int filled() {
        return filled;
    }
}
