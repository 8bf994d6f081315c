/// The rules of a unit plan's review (kế hoạch thực hiện): who may take which step, when a plan
/// may still be changed, and when it is late. Pure functions, so the pages, the API and the
/// indicators apply the same rule.
public enum PlanRules {
    /// Where an account stands with respect to a plan's unit, in today's tree.
    public enum Standing: Sendable, Equatable {
        /// quản trị hệ thống: stands above every unit.
        case admin
        /// The account's scope root is a proper ancestor of the plan's unit: "the level above".
        case above
        /// The account's scope root is the plan's unit itself.
        case own
        /// The plan's unit is not in the account's subtree.
        case outside
    }

    /// Why a step is refused, or that it is allowed.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// The plan is not in the account's subtree: answered as if it did not exist.
        case notFound
        /// The account reads the plan but may not take this step (read-only role, or reviewing
        /// its own unit's plan).
        case forbidden
        /// The step does not apply to the plan's current status.
        case wrongStatus
    }

    /// Who may take `action` on a plan in `status`: the plan unit's writers (and those above
    /// them) submit; only the level above — or an administrator — returns and approves, so no
    /// unit reviews its own plan.
    public static func decide(_ action: PlanAction, status: PlanStatus, standing: Standing, writes: Bool) -> Decision {
        if standing == .outside { return .notFound }
        guard writes || standing == .admin else { return .forbidden }
        switch action {
        case .submit:
            break
        case .returnForRevision, .approve:
            if standing == .own { return .forbidden }
        }
        return action.next(from: status) == nil ? .wrongStatus : .allowed
    }

    /// A return must say why ("còn chung chung"); submitting and approving may add a comment.
    public static func requiresComment(_ action: PlanAction) -> Bool { action == .returnForRevision }

    /// The plan's text is changed only while it is with its unit: a draft, or returned for revision.
    public static func isEditable(_ status: PlanStatus) -> Bool { status == .draft || status == .returned }

    /// A plan against its binding due date.
    public enum Timeliness: Sendable, Equatable {
        /// No unit above has set a due date: nothing is late.
        case noDueDate
        /// Not submitted yet, and the due date has not passed.
        case notYetDue
        /// First submitted on or before the due date.
        case onTime
        /// First submitted `days` days after the due date (nộp trễ).
        case late(days: Int)
        /// Not submitted, and today is `days` days past the due date (quá hạn).
        case overdue(days: Int)

        public var isLate: Bool {
            switch self {
            case .late, .overdue: true
            default: false
            }
        }

        /// The flag lists show, or nil when there is nothing to flag.
        public var flag: String? {
            switch self {
            case .late(let days): "Nộp trễ \(VietnameseFormat.number(days)) ngày"
            case .overdue(let days): "Quá hạn \(VietnameseFormat.number(days)) ngày"
            default: nil
            }
        }
    }

    /// "Late" is a fact computed from the dates by the one deadline rule (`Deadlines.status`),
    /// measured by the first submission (a return and resubmission does not make an on-time plan
    /// late), or, for a plan never submitted, by today.
    public static func timeliness(due: LocalDate?, firstSubmitted: LocalDate?, today: LocalDate) -> Timeliness {
        guard due != nil else { return .noDueDate }
        switch Deadlines.status(due: due, completedOn: firstSubmitted, today: today) {
        case .done: return .onTime
        case .doneLate(let days): return .late(days: days)
        case .overdue(let days): return .overdue(days: days)
        case .due, .noDueDate: return .notYetDue
        }
    }

    /// The day a breakthrough goal's outcome was recorded: kept while it stays finished, set to
    /// `today` when it becomes finished, cleared when it is reopened.
    public static func finishedOn(status: GoalStatus, previous: GoalStatus?, previousFinishedOn: LocalDate?, today: LocalDate) -> LocalDate? {
        guard status.isFinished else { return nil }
        if previous?.isFinished == true, let previousFinishedOn { return previousFinishedOn }
        return today
    }
}

extension GoalStatus {
    /// Completed or not completed: the goal has an outcome, and a final result must say what it is.
    public var isFinished: Bool { self != .inProgress }
}
