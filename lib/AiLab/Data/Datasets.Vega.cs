namespace AiLab.Data;

public static partial class Datasets
{
    /// <summary>
    /// Monthly Mauna Loa CO2, March 1958 – April 2020 (741 rows): <c>Date</c> (date), <c>CO2</c> (ppm) and
    /// <c>adjusted CO2</c> (seasonally adjusted, ppm).
    /// </summary>
    public static Table Co2Concentration(DataFolder? folder = null) => ReadTable(folder, "vega/co2-concentration.csv");

    /// <summary>
    /// Daily Seattle weather 2012–2015 (1461 rows): <c>date</c>, <c>precipitation</c> (mm), <c>temp_max</c>,
    /// <c>temp_min</c> (°C), <c>wind</c> (m/s) and <c>weather</c> (drizzle, rain, sun, snow, fog).
    /// </summary>
    public static Table SeattleWeather(DataFolder? folder = null) => ReadTable(folder, "vega/seattle-weather.csv");

    /// <summary>
    /// Palmer penguins (344 rows): <c>Species</c>, <c>Island</c>, <c>Beak Length (mm)</c>, <c>Beak Depth (mm)</c>,
    /// <c>Flipper Length (mm)</c>, <c>Body Mass (g)</c>, <c>Sex</c> (MALE 168, FEMALE 165, and one "." kept as
    /// the source has it). Real missing values: 2 in each measurement (NaN) and 10 in Sex (null).
    /// </summary>
    public static Table Penguins(DataFolder? folder = null) => ReadTable(folder, "vega/penguins.json");

    /// <summary>
    /// Cars, StatLib's auto-mpg (406 rows): <c>Name</c>, <c>Miles_per_Gallon</c>, <c>Cylinders</c>,
    /// <c>Displacement</c>, <c>Horsepower</c>, <c>Weight_in_lbs</c>, <c>Acceleration</c>, <c>Year</c> (date,
    /// 1 January of the model year), <c>Origin</c> (USA, Europe, Japan). Real missing values: 8 in
    /// Miles_per_Gallon, 6 in Horsepower.
    /// </summary>
    public static Table Cars(DataFolder? folder = null) => ReadTable(folder, "vega/cars.json");

    private static Table ReadTable(DataFolder? folder, string file)
    {
        string text = Resolve(folder).ReadVerifiedText(file);
        try
        {
            return file.EndsWith(".json", StringComparison.Ordinal)
                ? Table.ParseJsonRecords(text, file)
                : Table.ParseCsv(text, file);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new DataFileException(file, $"{file} cannot be parsed: {e.Message}", e);
        }
    }
}
