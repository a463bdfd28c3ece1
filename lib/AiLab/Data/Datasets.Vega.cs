using Microsoft.Data.Analysis;

namespace AiLab.Data;

public static partial class Datasets
{
    /// <summary>
    /// Monthly Mauna Loa CO2, March 1958 – April 2020 (741 rows): <c>Date</c> (DateTime), <c>CO2</c> (ppm) and
    /// <c>adjusted CO2</c> (seasonally adjusted, ppm), both double. No missing values.
    /// </summary>
    public static DataFrame Co2Concentration(DataFolder? folder = null) =>
        ReadFrame(folder, "vega/co2-concentration.csv",
            [new("Date", FieldType.Date), new("CO2", FieldType.Number), new("adjusted CO2", FieldType.Number)]);

    /// <summary>
    /// Daily Seattle weather 2012–2015 (1461 rows): <c>date</c> (DateTime), <c>precipitation</c> (mm),
    /// <c>temp_max</c>, <c>temp_min</c> (°C), <c>wind</c> (m/s), all double, and <c>weather</c> (string: drizzle,
    /// rain, sun, snow, fog). No missing values.
    /// </summary>
    public static DataFrame SeattleWeather(DataFolder? folder = null) =>
        ReadFrame(folder, "vega/seattle-weather.csv",
            [new("date", FieldType.Date), new("precipitation", FieldType.Number), new("temp_max", FieldType.Number),
             new("temp_min", FieldType.Number), new("wind", FieldType.Number), new("weather", FieldType.Text)]);

    /// <summary>
    /// Palmer penguins (344 rows): <c>Species</c>, <c>Island</c> (string), <c>Beak Length (mm)</c>,
    /// <c>Beak Depth (mm)</c>, <c>Flipper Length (mm)</c>, <c>Body Mass (g)</c> (double), <c>Sex</c> (string: MALE
    /// 168, FEMALE 165, and one "." kept as the source has it). Real missing values (null): 2 in each measurement
    /// and 10 in Sex.
    /// </summary>
    public static DataFrame Penguins(DataFolder? folder = null) =>
        ReadFrame(folder, "vega/penguins.json",
            [new("Species", FieldType.Text), new("Island", FieldType.Text), new("Beak Length (mm)", FieldType.Number),
             new("Beak Depth (mm)", FieldType.Number), new("Flipper Length (mm)", FieldType.Number),
             new("Body Mass (g)", FieldType.Number), new("Sex", FieldType.Text)]);

    /// <summary>
    /// Cars, StatLib's auto-mpg (406 rows): <c>Name</c> (string), <c>Miles_per_Gallon</c>, <c>Cylinders</c>,
    /// <c>Displacement</c>, <c>Horsepower</c>, <c>Weight_in_lbs</c>, <c>Acceleration</c> (double), <c>Year</c>
    /// (DateTime, 1 January of the model year), <c>Origin</c> (string: USA, Europe, Japan). Real missing values
    /// (null): 8 in Miles_per_Gallon, 6 in Horsepower.
    /// </summary>
    public static DataFrame Cars(DataFolder? folder = null) =>
        ReadFrame(folder, "vega/cars.json",
            [new("Name", FieldType.Text), new("Miles_per_Gallon", FieldType.Number), new("Cylinders", FieldType.Number),
             new("Displacement", FieldType.Number), new("Horsepower", FieldType.Number), new("Weight_in_lbs", FieldType.Number),
             new("Acceleration", FieldType.Number), new("Year", FieldType.Date), new("Origin", FieldType.Text)]);

    /// <summary>Reads and checksum-verifies <paramref name="file"/>, then types it by <paramref name="fields"/>.</summary>
    private static DataFrame ReadFrame(DataFolder? folder, string file, FrameField[] fields)
    {
        string text = Resolve(folder).ReadVerifiedText(file);
        try
        {
            return file.EndsWith(".json", StringComparison.Ordinal)
                ? DataFrameReader.FromJsonRecords(text, file, fields)
                : DataFrameReader.FromCsv(text, file, fields);
        }
        catch (FormatException e)
        {
            throw new DataFileException(file, $"{file} cannot be parsed: {e.Message}", e);
        }
    }
}
