using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// A column-wise matrix of partial-product bits (Verilog expressions) and the ways to reduce it to two rows:
/// a carry-save array (row after row), a Wallace tree (every column in threes, every stage) or a Dadda tree
/// (as late as possible, to Dadda's heights). Every compression is a full- or half-adder instance, written out.
/// </summary>
internal sealed class PartialProducts(int columns, string fullAdder, string halfAdder)
{
    private readonly List<string>[] _columns = [.. Enumerable.Range(0, columns).Select(_ => new List<string>())];
    private readonly StringBuilder _body = new();
    private int _next;

    public int Columns => columns;

    /// <summary>Adds a bit at a column; bits past the top column are dropped (the product is taken modulo 2^columns).</summary>
    public void Add(int column, string bit)
    {
        if (column < columns) _columns[column].Add(bit);
    }

    /// <summary>Adds a constant: each of its one bits, as <c>1'b1</c>, in its column.</summary>
    public void AddConstant(System.Numerics.BigInteger value)
    {
        for (var column = 0; column < columns; column++)
            if (((value >> column) & 1) == 1) Add(column, "1'b1");
    }

    /// <summary>The wires and adder instances written so far.</summary>
    public string Body => _body.ToString();

    public int MaxHeight => _columns.Max(c => c.Count);

    /// <summary>Wallace: each stage, every column's bits go through full adders in threes and a half adder for a left-over pair.</summary>
    public void ReduceWallace()
    {
        for (var stage = 1; MaxHeight > 2; stage++)
        {
            _body.Append($"    // Wallace stage {stage}: heights {Heights()}\n");
            var next = NewColumns();
            for (var column = 0; column < columns; column++)
            {
                var bits = _columns[column];
                var i = 0;
                for (; i + 3 <= bits.Count; i += 3) Full(bits[i], bits[i + 1], bits[i + 2], column, next);
                if (bits.Count - i == 2 && bits.Count > 2) { Half(bits[i], bits[i + 1], column, next); i += 2; }
                for (; i < bits.Count; i++) next[column].Add(bits[i]);
            }
            Replace(next);
        }
    }

    /// <summary>Dadda: each stage brings every column down to the next of Dadda's heights (2, 3, 4, 6, 9, 13, ...) and no lower.</summary>
    public void ReduceDadda()
    {
        var heights = new List<int> { 2 };
        while (heights[^1] < MaxHeight) heights.Add(heights[^1] * 3 / 2);
        for (var target = heights.Count - 2; target >= 0; target--)
        {
            var limit = heights[target];
            if (MaxHeight <= limit) continue;
            _body.Append($"    // Dadda stage to height {limit}: heights {Heights()}\n");
            var next = NewColumns();
            for (var column = 0; column < columns; column++)
            {
                var waiting = new Queue<string>(_columns[column]);
                // next[column] already holds the carries from the column below, made in this stage.
                while (waiting.Count + next[column].Count > limit && waiting.Count >= 2)
                {
                    if (waiting.Count + next[column].Count - limit >= 2 && waiting.Count >= 3)
                        Full(waiting.Dequeue(), waiting.Dequeue(), waiting.Dequeue(), column, next);
                    else
                        Half(waiting.Dequeue(), waiting.Dequeue(), column, next);
                }
                next[column].AddRange(waiting);
            }
            Replace(next);
        }
    }

    /// <summary>
    /// A carry-save array: the rows are added one after another into a running sum and carry, so the
    /// depth grows with the number of rows. <paramref name="rows"/> lists each row's bits by column.
    /// </summary>
    public void ReduceArray(IReadOnlyList<IReadOnlyList<(int Column, string Bit)>> rows)
    {
        foreach (var list in _columns) list.Clear();
        var row = 0;
        foreach (var bits in rows)
        {
            foreach (var (column, bit) in bits) Add(column, bit);
            if (++row == 1) continue;
            _body.Append($"    // array row {row - 1}: add row {row - 1} into the running sum and carry\n");
            var next = NewColumns();
            for (var column = 0; column < columns; column++)
            {
                var bitsHere = _columns[column];
                if (bitsHere.Count == 3) Full(bitsHere[0], bitsHere[1], bitsHere[2], column, next);
                else if (bitsHere.Count == 2) Half(bitsHere[0], bitsHere[1], column, next);
                else next[column].AddRange(bitsHere);
            }
            Replace(next);
        }
    }

    /// <summary>The two rows left after reduction, as Verilog concatenations of <see cref="Columns"/> bits.</summary>
    public (string X, string Y) TwoRows()
    {
        if (MaxHeight > 2) throw new InvalidOperationException("reduce first");
        string Row(int index) => "{" + string.Join(", ", Enumerable.Range(0, columns).Reverse()
            .Select(c => _columns[c].Count > index ? _columns[c][index] : "1'b0")) + "}";
        return (Row(0), Row(1));
    }

    /// <summary>A ripple-carry adder of full-adder instances for the last two rows, as in the classic array multiplier.</summary>
    public string RippleFinal(string result)
    {
        var (x, y) = TwoRows();
        // The carries are an array of nets, not a vector, so a simulator wakes only the next adder on each.
        var text = new StringBuilder("    // final carry-propagate adder: ripple carry\n");
        text.Append($"    wire [{columns - 1}:0] row_x = {x};\n    wire [{columns - 1}:0] row_y = {y};\n    wire rc [0:{columns}];\n    assign rc[0] = 1'b0;\n");
        text.Append("    genvar k;\n    generate\n");
        text.Append($"        for (k = 0; k < {columns}; k = k + 1) begin : final_adder\n");
        text.Append($"            {fullAdder} fa (.a(row_x[k]), .b(row_y[k]), .ci(rc[k]), .s({result}[k]), .co(rc[k + 1]));\n");
        text.Append("        end\n    endgenerate\n");
        return text.ToString();
    }

    /// <summary>The full- and half-adder modules, named as given.</summary>
    public static string AdderCells(string fullAdder, string halfAdder) =>
        $"module {fullAdder} (input wire a, input wire b, input wire ci, output wire s, output wire co);\n" +
        "    assign s  = a ^ b ^ ci;\n    assign co = (a & b) | (a & ci) | (b & ci);\nendmodule\n\n" +
        $"module {halfAdder} (input wire a, input wire b, output wire s, output wire co);\n" +
        "    assign s  = a ^ b;\n    assign co = a & b;\nendmodule\n";

    private void Full(string a, string b, string c, int column, List<string>[] next)
    {
        var n = _next++;
        _body.Append($"    wire s{n}, c{n};\n    {fullAdder} fa{n} (.a({a}), .b({b}), .ci({c}), .s(s{n}), .co(c{n}));\n");
        next[column].Add($"s{n}");
        if (column + 1 < columns) next[column + 1].Add($"c{n}");
    }

    private void Half(string a, string b, int column, List<string>[] next)
    {
        var n = _next++;
        _body.Append($"    wire s{n}, c{n};\n    {halfAdder} ha{n} (.a({a}), .b({b}), .s(s{n}), .co(c{n}));\n");
        next[column].Add($"s{n}");
        if (column + 1 < columns) next[column + 1].Add($"c{n}");
    }

    private List<string>[] NewColumns() => [.. Enumerable.Range(0, columns).Select(_ => new List<string>())];

    private void Replace(List<string>[] next)
    {
        for (var i = 0; i < columns; i++) _columns[i] = next[i];
    }

    private string Heights() => string.Join(" ", _columns.Reverse().Select(c => c.Count));
}
