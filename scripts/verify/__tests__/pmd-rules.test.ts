import type { CheckResult } from '../checks.ts';
import { checkPmdRules, PMD_POLICY } from '../pmd-rules.ts';
import { apexMeta, sfdxProject } from './helpers/sfdx-project.ts';

const CLEAN = `public with sharing class Greeting {
    public static String hello(String name) {
        return 'Hello ' + name;
    }
}
`;

const INSECURE = `public without sharing class AccountFinder {
    public static List<Account> byName(String name) {
        List<Account> found = Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');
        for (Account account : found) {
            account.Description = 'seen';
            update account;
        }
        return found;
    }
}
`;

const UNSHARED = `public class Renamer {
    public static void rename(Account account) {
        account.Name = account.Name.trim();
        update account;
    }
}
`;

const TESTS = `@IsTest
private class GreetingTest {
    @IsTest
    static void saysHello() {
        assertGreets('Ada');
    }

    @IsTest
    static void runsOnly() {
        Greeting.hello('Ada');
    }

    private static void assertGreets(String name) {
        Assert.areEqual('Hello ' + name, Greeting.hello(name), 'greeting');
    }
}
`;

const SUPPRESSED = `public with sharing class Seeder {
    @SuppressWarnings('PMD.ApexCRUDViolation')
    public static void one(String name) {
        insert new Account(Name = name);
    }
    public static void two(String name) {
        insert new Account(Name = name); // NOPMD: runs in system context by design
    }
    public static void three(String name) {
        // code-analyzer-suppress(pmd:ApexCRUDViolation)
        insert new Account(Name = name);
        // code-analyzer-unsuppress
        insert new Contact(LastName = name);
    }
}
`;

const BROKEN = 'public with sharing class Broken {\n    public void run( { }\n}\n';

const classes = (sources: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(sources).flatMap(([name, source]) => [
      [`classes/${name}.cls`, source],
      [`classes/${name}.cls-meta.xml`, apexMeta()]
    ])
  );

const CLASSES = 'force-app/main/default/classes';

describe('PMD rules (Code Analyzer)', () => {
  // One engine run on a project with every planted defect (a run takes seconds).
  let planted: CheckResult;
  const problemsOf = (className: string) =>
    planted.problems.filter((problem) => problem.startsWith(`${CLASSES}/${className}.cls:`));

  beforeAll(async () => {
    planted = await checkPmdRules(
      sfdxProject(
        classes({
          Greeting: CLEAN,
          AccountFinder: INSECURE,
          Renamer: UNSHARED,
          GreetingTest: TESTS,
          Seeder: SUPPRESSED,
          Broken: BROKEN
        })
      )
    );
  }, 120_000);

  it('the policy fails on Critical, High and Moderate findings', () => {
    expect(PMD_POLICY.failAtOrAbove).toBe(3);
  });

  it('passes on a project without Apex, and on a clean class', async () => {
    expect(await checkPmdRules(sfdxProject({}))).toMatchObject({ checked: 0, problems: [] });
    expect(await checkPmdRules(sfdxProject(classes({ Greeting: CLEAN })))).toMatchObject({
      checked: 1,
      problems: []
    });
  }, 120_000);

  it('fails on SOQL injection, DML without CRUD checks, DML in a loop and a missing sharing declaration', () => {
    expect(planted.checked).toBe(6);
    expect(problemsOf('Greeting')).toEqual([]);
    expect(problemsOf('AccountFinder')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\S+:3:\d+: ApexSOQLInjection \(severity 2 High\)/),
        expect.stringMatching(/^\S+:6:\d+: ApexCRUDViolation \(severity 2 High\)/),
        expect.stringMatching(/^\S+:6:\d+: OperationWithLimitsInLoop \(severity 3 Moderate\)/)
      ])
    );
    expect(problemsOf('Renamer')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\S+:1:1: ApexSharingViolations \(severity 3 Moderate\)/)])
    );
  });

  it('fails on a test without assertions, and counts calls to assert… helpers as assertions', () => {
    expect(problemsOf('GreetingTest')).toEqual([
      expect.stringMatching(/^\S+:9:\d+: ApexUnitTestClassShouldHaveAsserts \(severity 3 Moderate\)/)
    ]);
  });

  it('honours suppressions written in the code', () => {
    expect(problemsOf('Seeder')).toEqual([expect.stringMatching(/^\S+:13:\d+: ApexCRUDViolation /)]);
  });

  it('fails on a class PMD cannot parse', () => {
    expect(problemsOf('Broken')).toEqual([expect.stringMatching(/^\S+:2:\d+: PMD cannot parse: /)]);
  });

  it('fails, never skips, when java is missing', async () => {
    const { problems } = await checkPmdRules(sfdxProject({}), { javaCommand: '/nonexistent/java' });
    expect(problems).toEqual([
      expect.stringMatching(
        /^the pmd engine could not start \(it needs Java 11 or later on PATH\): .*\/nonexistent\/java/s
      )
    ]);
  }, 60_000);
});
