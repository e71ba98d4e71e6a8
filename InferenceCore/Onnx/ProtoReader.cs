namespace HwForge.InferenceCore.Onnx;

/// <summary>
/// The protobuf wire format, just enough to walk an ONNX file: varints, length-delimited fields, fixed 32/64-bit.
/// Fields are sliced out of one ReadOnlyMemory, never copied, so a 91 MB model costs one buffer.
/// See https://protobuf.dev/programming-guides/encoding/.
/// </summary>
public struct ProtoReader(ReadOnlyMemory<byte> data)
{
    int _pos;

    public readonly bool AtEnd => _pos >= data.Length;

    /// <summary>The next field's number and wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        var span = data.Span;
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= span.Length) throw new OnnxFormatException("a varint runs past the end of the data");
            var b = span[_pos++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return result;
        }
        throw new OnnxFormatException("a varint is longer than 10 bytes");
    }

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - _pos)) throw new OnnxFormatException($"a field of {length} bytes runs past the end of the data");
        var slice = data.Slice(_pos, (int)length);
        _pos += (int)length;
        return slice;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes().Span);

    public float ReadFixed32Float()
    {
        var v = BitConverter.ToSingle(data.Span.Slice(Advance(4), 4));
        return v;
    }

    int Advance(int n)
    {
        if (_pos + n > data.Length) throw new OnnxFormatException("a fixed-width field runs past the end of the data");
        var at = _pos;
        _pos += n;
        return at;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: Advance(8); break;
            case 2: ReadBytes(); break;
            case 5: Advance(4); break;
            default: throw new OnnxFormatException($"wire type {wireType} (groups) is not used by ONNX");
        }
    }

    /// <summary>A repeated int64 field, which writers emit either packed (wire type 2) or one tag per value.</summary>
    public void ReadInt64s(int wireType, List<long> into)
    {
        if (wireType == 0) { into.Add((long)ReadVarint()); return; }
        var inner = new ProtoReader(ReadBytes());
        while (!inner.AtEnd) into.Add((long)inner.ReadVarint());
    }

    /// <summary>A repeated float field, packed or not.</summary>
    public void ReadFloats(int wireType, List<float> into)
    {
        if (wireType == 5) { into.Add(ReadFixed32Float()); return; }
        var bytes = ReadBytes().Span;
        for (var i = 0; i + 4 <= bytes.Length; i += 4) into.Add(BitConverter.ToSingle(bytes.Slice(i, 4)));
    }
}

/// <summary>A model file that is not the ONNX protobuf the reader expects; the message says what was found.</summary>
public sealed class OnnxFormatException(string message) : Exception(message);
