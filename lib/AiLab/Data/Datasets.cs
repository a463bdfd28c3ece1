using System.Globalization;

namespace AiLab.Data;

/// <summary>
/// Loaders for the datasets committed under <c>data/</c> (see data/README.md for sources and licences).
/// Each call reads and checksum-verifies its file(s) and returns fresh arrays, so callers may modify them.
/// </summary>
/// <remarks>
/// Every loader takes an optional <see cref="DataFolder"/>; by default <see cref="DataFolder.Locate"/> finds it.
/// A missing or altered file throws <see cref="DataFileException"/> naming the file and the command that
/// restores it.
/// </remarks>
public static partial class Datasets
{
    /// <summary>
    /// Wisconsin diagnostic breast cancer: 569 samples × 30 features (scikit-learn's names); label
    /// 0 = malignant (212), 1 = benign (357), as in scikit-learn.
    /// </summary>
    public static ClassificationDataset BreastCancer(DataFolder? folder = null) =>
        ReadSklearnCsv(folder, "breast_cancer", "sklearn/breast_cancer.csv", BreastCancerFeatures);

    /// <summary>Iris: 150 samples × 4 features (cm); classes setosa, versicolor, virginica (50 each).</summary>
    public static ClassificationDataset Iris(DataFolder? folder = null) =>
        ReadSklearnCsv(folder, "iris", "sklearn/iris.csv",
            ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]);

    /// <summary>Wine: 178 samples × 13 chemical features; classes class_0 (59), class_1 (71), class_2 (48).</summary>
    public static ClassificationDataset Wine(DataFolder? folder = null) =>
        ReadSklearnCsv(folder, "wine", "sklearn/wine_data.csv",
            ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
             "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]);

    /// <summary>
    /// Handwritten digits: 1797 images, N × 1 × 8 × 8, pixel values scaled from 0..16 to [0, 1]; labels 0–9
    /// (class names "0"…"9"). <see cref="ImageDataset.Flatten"/> gives the 64-feature form.
    /// </summary>
    public static ImageDataset Digits(DataFolder? folder = null)
    {
        const string file = "sklearn/digits.csv.gz";
        var rows = ParseNumberRows(Resolve(folder).ReadVerifiedText(file), file, ',', expectedWidth: 65);
        var images = new double[rows.Count, 1, 8, 8];
        var labels = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int p = 0; p < 64; p++)
                images[i, 0, p / 8, p % 8] = rows[i][p] / 16.0;
            labels[i] = ToLabel(rows[i][64], file, i);
        }
        return new ImageDataset("digits", images, labels, [.. Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>
    /// Diabetes (Efron et al., 2004): 442 patients × 10 features (age, sex, bmi, bp, s1–s6), <b>unscaled</b>
    /// (scikit-learn's <c>scaled=False</c>; sex is coded 1/2); target "progression", disease progression one
    /// year after baseline (25–346).
    /// </summary>
    public static RegressionDataset Diabetes(DataFolder? folder = null)
    {
        var data = Resolve(folder);
        const string featuresFile = "sklearn/diabetes_data_raw.csv.gz", targetFile = "sklearn/diabetes_target.csv.gz";
        var rows = ParseNumberRows(data.ReadVerifiedText(featuresFile), featuresFile, ' ', expectedWidth: 10);
        var targets = ParseNumberRows(data.ReadVerifiedText(targetFile), targetFile, ' ', expectedWidth: 1);
        if (targets.Count != rows.Count)
            throw new DataFileException(targetFile, $"{targetFile} has {targets.Count} targets for {rows.Count} samples.");
        return new RegressionDataset("diabetes", ToMatrix(rows, 10), [.. targets.Select(t => t[0])],
            ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], "progression");
    }

    /// <summary>Resolves the default folder.</summary>
    private static DataFolder Resolve(DataFolder? folder) => folder ?? DataFolder.Locate();

    /// <summary>
    /// scikit-learn's CSV layout: a first line "n_samples,n_features,class names…", then rows of
    /// n_features numbers followed by the integer class.
    /// </summary>
    private static ClassificationDataset ReadSklearnCsv(DataFolder? folder, string name, string file, string[] featureNames)
    {
        string text = Resolve(folder).ReadVerifiedText(file);
        int firstLineEnd = text.IndexOf('\n');
        string[] header = text[..Math.Max(firstLineEnd, 0)].TrimEnd('\r').Split(',');
        if (header.Length < 3 || !int.TryParse(header[0], CultureInfo.InvariantCulture, out int samples)
            || !int.TryParse(header[1], CultureInfo.InvariantCulture, out int features) || features != featureNames.Length)
            throw new DataFileException(file, $"{file} line 1 is not scikit-learn's 'n_samples,{featureNames.Length},class names' header.");
        var rows = ParseNumberRows(text[(firstLineEnd + 1)..], file, ',', expectedWidth: features + 1, firstLine: 2);
        if (rows.Count != samples)
            throw new DataFileException(file, $"{file} declares {samples} samples but has {rows.Count}.");
        int[] labels = [.. rows.Select((row, i) => ToLabel(row[features], file, i))];
        return new ClassificationDataset(name, ToMatrix(rows, features), labels, featureNames, header[2..]);
    }

    /// <summary>Rows of numbers separated by <paramref name="separator"/> (runs of it when it is a space).</summary>
    private static List<double[]> ParseNumberRows(string text, string file, char separator, int expectedWidth, int firstLine = 1)
    {
        var rows = new List<double[]>();
        var options = separator == ' ' ? StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.None;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
                continue;
            string[] cells = line.Split(separator, options);
            if (cells.Length != expectedWidth)
                throw new DataFileException(file, $"{file} line {firstLine + i}: {cells.Length} values, expected {expectedWidth}.");
            var row = new double[expectedWidth];
            for (int j = 0; j < expectedWidth; j++)
                if (!double.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out row[j]))
                    throw new DataFileException(file, $"{file} line {firstLine + i}: '{cells[j]}' is not a number.");
            rows.Add(row);
        }
        return rows;
    }

    private static double[,] ToMatrix(List<double[]> rows, int width)
    {
        var matrix = new double[rows.Count, width];
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < width; j++)
                matrix[i, j] = rows[i][j];
        return matrix;
    }

    private static int ToLabel(double value, string file, int row) =>
        value == Math.Floor(value) && value >= 0
            ? (int)value
            : throw new DataFileException(file, $"{file} sample {row}: class '{value}' is not a non-negative integer.");

    private static readonly string[] BreastCancerFeatures =
    [
        "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness", "mean compactness",
        "mean concavity", "mean concave points", "mean symmetry", "mean fractal dimension",
        "radius error", "texture error", "perimeter error", "area error", "smoothness error", "compactness error",
        "concavity error", "concave points error", "symmetry error", "fractal dimension error",
        "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness", "worst compactness",
        "worst concavity", "worst concave points", "worst symmetry", "worst fractal dimension",
    ];
}
