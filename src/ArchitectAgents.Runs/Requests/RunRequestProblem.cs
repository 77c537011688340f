namespace ArchitectAgents.Runs.Requests;

/// <summary>Why a request to create or answer a run is refused: the field to blame and what is wrong with it.</summary>
/// <param name="Field">The request field, in the REST body's names (<c>brief</c>, <c>options.models.designer</c>, <c>answers.q-scale</c>).</param>
/// <param name="Error">What is wrong, phrased to follow the field name.</param>
/// <param name="Configuration">True when the request is fine but the service cannot run it as configured (a model without a key).</param>
public sealed record RunRequestProblem(string Field, string Error, bool Configuration = false);
