namespace HwForge.InferenceCore.Onnx;

/// <summary>One initializer (a weight): its name, dims and float values.</summary>
public sealed record OnnxTensor(string Name, long[] Dims, float[] Data)
{
    public long Count => Dims.Aggregate(1L, (a, b) => a * b);
}

/// <summary>One graph node; weights are often named after the node that consumes them, not after the layer.</summary>
public sealed record OnnxNode(string Name, string OpType, string[] Inputs, string[] Outputs);

/// <summary>
/// The parts of an ONNX ModelProto a runtime needs to load weights: graph.initializer (TensorProto with raw_data or
/// float_data) and graph.node. Field numbers are from onnx/onnx.proto3; everything else is skipped unread.
/// </summary>
public sealed class OnnxModel
{
    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; }
    public IReadOnlyList<OnnxNode> Nodes { get; }

    OnnxModel(Dictionary<string, OnnxTensor> initializers, List<OnnxNode> nodes) => (Initializers, Nodes) = (initializers, nodes);

    const int ModelGraph = 7;
    const int GraphNode = 1, GraphInitializer = 5;
    const int NodeInput = 1, NodeOutput = 2, NodeName = 3, NodeOpType = 4;
    const int TensorDims = 1, TensorDataType = 2, TensorFloatData = 4, TensorName = 8, TensorRawData = 9, TensorDataLocation = 14;
    const int FloatType = 1; // TensorProto.DataType.FLOAT

    public static OnnxModel Parse(ReadOnlyMemory<byte> model)
    {
        var initializers = new Dictionary<string, OnnxTensor>();
        var nodes = new List<OnnxNode>();
        var foundGraph = false;
        var reader = new ProtoReader(model);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field != ModelGraph || wire != 2) { reader.Skip(wire); continue; }
            foundGraph = true;
            var graph = new ProtoReader(reader.ReadBytes());
            while (!graph.AtEnd)
            {
                var (gf, gw) = graph.ReadTag();
                if (gf == GraphInitializer && gw == 2)
                {
                    var t = ReadTensor(graph.ReadBytes());
                    if (t is not null) initializers[t.Name] = t;
                }
                else if (gf == GraphNode && gw == 2) nodes.Add(ReadNode(graph.ReadBytes()));
                else graph.Skip(gw);
            }
        }
        if (!foundGraph) throw new OnnxFormatException("no graph (field 7) in the model: is this an ONNX file?");
        return new OnnxModel(initializers, nodes);
    }

    static OnnxTensor? ReadTensor(ReadOnlyMemory<byte> bytes)
    {
        var r = new ProtoReader(bytes);
        var dims = new List<long>();
        var floats = new List<float>();
        ReadOnlyMemory<byte> raw = default;
        string name = "";
        int dataType = 0;
        var external = false;
        while (!r.AtEnd)
        {
            var (f, w) = r.ReadTag();
            switch (f)
            {
                case TensorDims: r.ReadInt64s(w, dims); break;
                case TensorDataType: dataType = (int)r.ReadVarint(); break;
                case TensorFloatData: r.ReadFloats(w, floats); break;
                case TensorName: name = r.ReadString(); break;
                case TensorRawData: raw = r.ReadBytes(); break;
                case TensorDataLocation: external = r.ReadVarint() == 1; break;
                default: r.Skip(w); break;
            }
        }
        if (external) throw new OnnxFormatException($"initializer '{name}' keeps its data in an external file, which this reader does not follow");
        // Only float weights are mapped; integer initializers (shape constants) are not weights.
        if (dataType != FloatType) return null;
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var data = raw.IsEmpty ? floats.ToArray() : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw.Span).ToArray();
        if (data.Length != count) throw new OnnxFormatException($"initializer '{name}' has {data.Length} floats for dims [{string.Join(',', dims)}]");
        return new OnnxTensor(name, dims.ToArray(), data);
    }

    static OnnxNode ReadNode(ReadOnlyMemory<byte> bytes)
    {
        var r = new ProtoReader(bytes);
        List<string> inputs = [], outputs = [];
        string name = "", op = "";
        while (!r.AtEnd)
        {
            var (f, w) = r.ReadTag();
            switch (f)
            {
                case NodeInput: inputs.Add(r.ReadString()); break;
                case NodeOutput: outputs.Add(r.ReadString()); break;
                case NodeName: name = r.ReadString(); break;
                case NodeOpType: op = r.ReadString(); break;
                default: r.Skip(w); break;
            }
        }
        return new OnnxNode(name, op, inputs.ToArray(), outputs.ToArray());
    }
}
