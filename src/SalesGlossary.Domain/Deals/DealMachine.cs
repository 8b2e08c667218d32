using Stateless;

namespace SalesGlossary.Domain;

/// <summary>The Stateless machine of one pipeline, bound in turn to the deal being moved (external state storage).</summary>
internal sealed class DealMachine
{
    internal const string ForwardGuard = "the next open stage";
    internal const string SkipGuard = "the pipeline lets deals skip stages";
    internal const string BackGuard = "the pipeline lets deals move back, with a reason";
    internal const string LostReasonGuard = "a lost reason is given, where the pipeline requires one";
    internal const string ReasonGuard = "a reason is given";

    private readonly bool drawing;
    private readonly List<(DealStage From, DealStage To, Func<bool> Guard)> moves = [];

    /// <summary>Initializes a machine for a pipeline: for firing, every move is configured with its guard (so a refusal names it); for drawing, the pipeline's fixed rules are applied, so a move they forbid is not drawn.</summary>
    public DealMachine(Pipeline pipeline, bool drawing)
    {
        Pipeline = pipeline;
        this.drawing = drawing;
        Stage = pipeline.OpenStages[0];
        Machine = new StateMachine<DealStage, DealTrigger>(() => Stage, stage => Stage = stage, FiringMode.Immediate);
        MoveTo = Machine.SetTriggerParameters<DealStage>(DealTrigger.MoveTo);
        Configure();
    }

    public Pipeline Pipeline { get; }

    public StateMachine<DealStage, DealTrigger> Machine { get; }

    public StateMachine<DealStage, DealTrigger>.TriggerWithParameters<DealStage> MoveTo { get; }

    public DealStage Stage { get; set; }

    public DealStage? ResumeStage { get; set; }

    public bool HasReason { get; set; }

    public static DealMachine Rent(Pipeline pipeline) => pipeline.Machines.Rent();

    public void Bind(DealStage stage, DealStage? resumeStage, bool hasReason)
    {
        Stage = stage;
        ResumeStage = resumeStage;
        HasReason = hasReason;
    }

    public void Release() => Pipeline.Machines.Return(this);

    /// <summary>Gets a value indicating whether the bound deal can move to a stage, from the same configuration as the Stateless machine, without allocating.</summary>
    public bool CanMoveTo(DealStage target)
    {
        foreach (var (from, to, guard) in moves)
        {
            if (from.Equals(Stage) && to.Equals(target) && guard())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Configures one move in both sinks: the Stateless machine and the allocation-free list of <see cref="CanMoveTo"/>.</summary>
    private void AllowMove(StateMachine<DealStage, DealTrigger>.StateConfiguration config, DealStage from, DealStage target, Func<bool> guard, string description)
    {
        config.PermitIf(MoveTo, target, t => t == target && guard(), description);
        moves.Add((from, target, guard));
    }

    private static bool Always() => true;

    private void Configure()
    {
        var open = Pipeline.OpenStages;
        var rules = Pipeline.Rules;
        bool Reason() => HasReason;
        bool LostReason() => HasReason || !rules.RequireLostReason;
        for (var i = 0; i < open.Count; i++)
        {
            var config = Machine.Configure(open[i]);
            for (var j = 0; j < open.Count; j++)
            {
                var target = open[j];
                if (j == i + 1)
                {
                    AllowMove(config, open[i], target, Always, ForwardGuard);
                }
                else if (j > i + 1 && (!drawing || rules.AllowSkipping))
                {
                    AllowMove(config, open[i], target, () => rules.AllowSkipping, SkipGuard);
                }
                else if (j < i && (!drawing || rules.AllowMovingBack))
                {
                    AllowMove(config, open[i], target, () => rules.AllowMovingBack && HasReason, BackGuard);
                }
            }

            config.Permit(DealTrigger.Win, Pipeline.Won);
            foreach (var lost in Pipeline.Lost.Take(1))
            {
                config.PermitIf(DealTrigger.Lose, lost, LostReason, LostReasonGuard);
            }

            if (Pipeline.OnHold is { } hold)
            {
                config.Permit(DealTrigger.PutOnHold, hold);
            }
        }

        if (Pipeline.OnHold is { } onHold)
        {
            var resumeTargets = new Stateless.Reflection.DynamicStateInfos();
            foreach (var stage in open)
            {
                resumeTargets.Add(stage, "left '" + stage.Name + "'");
            }

            Machine.Configure(onHold)
                .PermitDynamic(DealTrigger.Resume, () => ResumeStage ?? open[0], "the stage the deal left", resumeTargets)
                .PermitIf(DealTrigger.Lose, Pipeline.Lost[0], LostReason, LostReasonGuard);
        }

        var reopenTargets = new Stateless.Reflection.DynamicStateInfos();
        foreach (var stage in open)
        {
            reopenTargets.Add(stage, "closed from '" + stage.Name + "'");
        }

        foreach (var closed in Pipeline.Lost.Append(Pipeline.Won))
        {
            Machine.Configure(closed)
                .PermitDynamicIf(DealTrigger.Reopen, () => ResumeStage ?? open[0], "the stage the deal closed from", Reason, ReasonGuard, reopenTargets);
        }
    }
}
