using Microsoft.Agents.AI;

namespace ArchitectAgents.Core.Models;

/// <summary>An agent ready to run, with what the engine needs to account for and repair its replies.</summary>
/// <param name="Agent">The MAF agent.</param>
/// <param name="ModelName">Name of the model entry in configuration, recorded in usage.</param>
/// <param name="Pricing">Price per million tokens, for cost accounting.</param>
/// <param name="MaxRepairs">How many repair turns an invalid reply gets before the node fails; 0 for deterministic agents.</param>
public sealed record AgentBinding(AIAgent Agent, string ModelName, ModelPricing Pricing, int MaxRepairs = 0);
