package dev.sparrow.apis.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The 44-byte header of a 16-bit PCM WAV file. */
public final class Wav {
  private Wav() {}

  public static byte[] header(int sampleRate, int channels, long dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
    b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
        .putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
    b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
    return b.array();
  }
}
