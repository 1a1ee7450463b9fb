var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "DiplomacyGraph");
app.Run();

public partial class Program;
