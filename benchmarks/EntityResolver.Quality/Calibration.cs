using System.Globalization;
using System.Text;
using EntityResolver.Matching;

namespace EntityResolver.Quality;

/// <summary>Expected calibration error and the reliability diagram over equal-width score bins.</summary>
internal sealed class Calibration
{
    public const int Bins = 10;

    private Calibration(int[] count, double[] sumScore, double[] positives, int total)
    {
        Count = count;
        SumScore = sumScore;
        Positives = positives;
        Total = total;
    }

    public int[] Count { get; }

    public double[] SumScore { get; }

    public double[] Positives { get; }

    public int Total { get; }

    /// <summary>Σ over bins of (pairs in bin / pairs) × |share of matches − mean score|.</summary>
    public double Ece
    {
        get
        {
            double ece = 0;
            for (int b = 0; b < Bins; b++)
            {
                if (Count[b] > 0)
                {
                    ece += (double)Count[b] / Total * Math.Abs((Positives[b] / Count[b]) - (SumScore[b] / Count[b]));
                }
            }

            return ece;
        }
    }

    public static Calibration Of(ScoringModel model, IEnumerable<TrainingPair> pairs) => Of(pairs.Select(p => ((double)model.Score(p.Features), p.IsMatch)));

    public static Calibration Of(IEnumerable<(double Score, bool IsMatch)> scored)
    {
        var count = new int[Bins];
        var sum = new double[Bins];
        var pos = new double[Bins];
        int total = 0;
        foreach (var (s, isMatch) in scored)
        {
            int b = Math.Min((int)(s * Bins), Bins - 1);
            count[b]++;
            sum[b] += s;
            pos[b] += isMatch ? 1 : 0;
            total++;
        }

        return new Calibration(count, sum, pos, total);
    }

    public string Table()
    {
        var sb = new StringBuilder("| score bin | pairs | mean score | share of matches |\n|---|---:|---:|---:|\n");
        for (int b = 0; b < Bins; b++)
        {
            string range = string.Create(CultureInfo.InvariantCulture, $"{(double)b / Bins:0.0}–{(double)(b + 1) / Bins:0.0}");
            sb.Append(Count[b] == 0
                ? $"| {range} | 0 | – | – |\n"
                : string.Create(CultureInfo.InvariantCulture, $"| {range} | {Count[b]} | {SumScore[b] / Count[b]:0.000} | {Positives[b] / Count[b]:0.000} |\n"));
        }

        return sb.ToString();
    }

    /// <summary>A reliability diagram: share of matches against mean score per bin, the diagonal, and bin sizes.</summary>
    public string Svg(string title)
    {
        const int W = 420, H = 420, L = 60, T = 40, S = 320;
        var sb = new StringBuilder();
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{W}\" height=\"{H}\" fill=\"white\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{W / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{System.Security.SecurityElement.Escape(title)}</text>\n");
        int max = Count.Max();
        for (int b = 0; b < Bins; b++)
        {
            if (Count[b] == 0)
            {
                continue;
            }

            double h = 60.0 * Math.Sqrt((double)Count[b] / max);
            sb.Append($"<rect x=\"{F(L + (b * S / (double)Bins) + 2)}\" y=\"{F(T + S - h)}\" width=\"{F((S / (double)Bins) - 4)}\" height=\"{F(h)}\" fill=\"#dde6f0\"/>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{L}\" y=\"{T}\" width=\"{S}\" height=\"{S}\" fill=\"none\" stroke=\"black\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{L}\" y1=\"{T + S}\" x2=\"{L + S}\" y2=\"{T}\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>\n");
        for (int i = 0; i <= 10; i += 2)
        {
            double v = i / 10.0;
            sb.Append($"<text x=\"{F(L + (v * S))}\" y=\"{T + S + 16}\" text-anchor=\"middle\">{F(v)}</text>\n");
            sb.Append($"<text x=\"{L - 6}\" y=\"{F(T + S - (v * S) + 4)}\" text-anchor=\"end\">{F(v)}</text>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{L + (S / 2)}\" y=\"{T + S + 36}\" text-anchor=\"middle\">mean score in bin</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{T + (S / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {T + (S / 2)})\">share of true matches</text>\n");
        var points = new List<string>();
        for (int b = 0; b < Bins; b++)
        {
            if (Count[b] == 0)
            {
                continue;
            }

            double x = L + (SumScore[b] / Count[b] * S), y = T + S - (Positives[b] / Count[b] * S);
            points.Add($"{F(x)},{F(y)}");
            sb.Append($"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"#1f5fa8\"/>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{L + 8}\" y=\"{T + 16}\">ECE {Ece:0.000} over {Total} held-out pairs</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{L + 8}\" y=\"{T + 32}\" fill=\"#667\">bars: pairs per bin (square root)</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }
}
