"""Exemplars for the semantic layer of the risk screen.

The sentence encoder (all-MiniLM-L6-v2) compares each incoming message with this bank, and a
small logistic head is trained on it, so that a message which says what an exemplar says,
in other words, is brought to a person's attention. Each exemplar is a short message with a
concern (`risk_to_life`, `safeguarding` or `ordinary`), a facet (what it shows) and the key
of the published source it follows.

Every exemplar was written for this project, in plain words, following the published source
named beside it. None is quoted from a source, from a real person or from the frozen
evaluation set, which was not seen while writing. All of it is synthetic: the people, wards
and places are invented, and the only phone number is in the 07700 900xxx range kept for
drama.

At-risk exemplars vary the register on purpose: plain, clinical, text-speak, lower case,
misspelt, indirect; first person, and third person (a parent, carer, friend, neighbour,
teacher or worker writing about someone else); something just done, happening now, or
planned. Ordinary exemplars are the hard negatives: strong words without a current risk
(thanks for a life saved in the past, idioms such as "dying for a cuppa", a crisis that is
over, news and training about suicide or abuse), complaints, admin and small talk.

The bank helps decide which messages a person reads first; it does not predict who will
come to harm. NICE NG225 advises against using risk assessment tools and scales to predict
suicide or repeat self-harm, or to decide who is offered care, and nothing here should be
used that way.

Sources, by the key used in `Exemplar.source`:

- `C-SSRS 1` to `C-SSRS 6`: Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide
  Severity Rating Scale: initial validity and internal consistency findings from three
  multisite studies with adolescents and adults. Am J Psychiatry 2011;168(12):1266-77.
  The screener's items 1-6: wish to be dead; non-specific active suicidal thoughts;
  thoughts with a method; some intent to act; a specific plan with intent; suicidal
  behaviour, including preparatory acts.
- `C-SSRS timeframe`: the same screener's recall periods (the past month for thoughts,
  the past three months for behaviour), which put a crisis that is over outside current
  risk.
- `NICE NG225`: National Institute for Health and Care Excellence. Self-harm: assessment,
  management and preventing recurrence. NICE guideline NG225, 2022.
- `Samaritans`: Samaritans' published guidance on the warning signs that someone may be
  struggling to cope or thinking of suicide, and its helpline guidance on talking to
  someone who is.
- `Samaritans media`: Samaritans, Media guidelines for reporting suicide.
- `NICE NG10`: National Institute for Health and Care Excellence. Violence and aggression:
  short-term management in mental health, health and community settings. NICE guideline
  NG10, 2015.
- `NSPCC sexual`, `NSPCC CSE`, `NSPCC neglect`, `NSPCC online`, `NSPCC physical`: NSPCC,
  the categories of child abuse it describes (child sexual abuse; child sexual
  exploitation; neglect; online abuse and grooming; physical abuse).
- `Care Act physical`, `Care Act domestic`, `Care Act sexual`, `Care Act psychological`,
  `Care Act financial`, `Care Act organisational`, `Care Act neglect`, `Care Act
  self-neglect`: Department of Health and Social Care. Care and support statutory guidance
  (under the Care Act 2014), paragraph 14.17, the categories of abuse and neglect.
  So-called honour-based abuse and forced marriage are filed with domestic abuse.
- `SCA 2015 s76`: Serious Crime Act 2015, section 76: controlling or coercive behaviour in
  an intimate or family relationship.
- `Home Office CCE`: Home Office. Criminal exploitation of children and vulnerable adults:
  county lines guidance (including cuckooing of an adult's home).
- `MSA 2015`: Modern Slavery Act 2015 (slavery, servitude, forced or compulsory labour and
  human trafficking).
- `NHS England safeguarding`: NHS England. Safeguarding children, young people and adults
  at risk in the NHS: safeguarding accountability and assurance framework.
- `NHS FFT`: NHS England. Friends and Family Test guidance (praise, complaints and carers'
  feedback as people give it).
- `NICE NG69`: National Institute for Health and Care Excellence. Eating disorders:
  recognition and treatment. NICE guideline NG69, 2017.
- `RCPsych MEED`: Royal College of Psychiatrists. Medical emergencies in eating disorders:
  guidance on recognition and management (CR233), 2022.
- `NICE CG192`: National Institute for Health and Care Excellence. Antenatal and postnatal
  mental health. Clinical guideline CG192, 2014.
- `NICE CG115`: National Institute for Health and Care Excellence. Alcohol-use disorders:
  diagnosis, assessment and management of harmful drinking and alcohol dependence.
  Clinical guideline CG115, 2011.
- `NICE CG178`: National Institute for Health and Care Excellence. Psychosis and
  schizophrenia in adults: prevention and management. Clinical guideline CG178, 2014.
- `idiom`, `admin`, `small talk`: everyday English and service messages, written for the
  project to teach the head what is ordinary; they follow no clinical source.
"""

from __future__ import annotations

from typing import NamedTuple


class Exemplar(NamedTuple):
    text: str
    concern: str  # "risk_to_life", "safeguarding" or "ordinary"
    facet: str  # what the message shows, e.g. "passive death wish", "harmless idiom"
    source: str  # short source key, listed in the module docstring


EXEMPLARS: tuple[Exemplar, ...] = (
    # risk_to_life: passive death wish
    Exemplar(
        "Some nights I hope I just don't wake up in the morning.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "i keep wishing i could go to sleep and never wake up",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I wouldn't mind if a bus hit me tomorrow, honestly.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar("wish i was never born tbh", "risk_to_life", "passive death wish", "C-SSRS 1"),
    Exemplar(
        "I want to disappear and for nobody to notice I've gone.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "It would be easier all round if I simply stopped existing.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Part of me prays I won't make it through the night.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "my mum keeps saying she wishes god would take her in her sleep",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Since the funeral my dad says he'd rather be with her than here.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar("i dont want to be here anymore", "risk_to_life", "passive death wish", "C-SSRS 1"),
    Exemplar(
        "wud b nice to just not exist for a bit. or forever",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "If I got ill and died I think I'd feel relieved.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'm tired of living. Not planning anything, just worn out with life.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My 15 year old told me she wishes she'd die so it would all stop.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Every morning I'm disappointed to still be alive.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "id happily fade away and never come back", "risk_to_life", "passive death wish", "C-SSRS 1"
    ),
    Exemplar(
        "If only I could vanish off the face of the earth.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My husband has started saying he hopes his heart gives out.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "wish i cud sleep forever n not deal wiv any of it",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'd describe it as a passive death wish, most days this month.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Don't care if I live or die at this point.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Honestly I'd welcome it if something fatal happened to me.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "my friend keeps posting that she wants to stop existing",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Wouldnt bother me if i didnt wake up tomoz",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My elderly neighbour told me she's ready to go and wishes it would hurry up.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    # risk_to_life: active suicidal thoughts
    Exemplar(
        "I've been thinking about killing myself.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar("i want to kms", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "thinking about unaliving myself again",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar("I just want to end it all.", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "Suicide is on my mind constantly and it won't leave my head.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "honestly considering sewer slide rn",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Thoughts of offing myself are nonstop today.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I don't want to be around anymore, like properly not be around.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "suicidal again. same as last spring",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "My brother told me last night he's had thoughts of taking his own life.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Sometimes I think about ending my life and it scares me.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "i want to die. not sleep, die.", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"
    ),
    Exemplar(
        "Daily thoughts of suicide for the past fortnight.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Cant stop thinkin bout toppin myself",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "my daughter wrote in her diary that she wants to kill herself",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I've had suicidal ideation on and off this month, worse tonight.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "want to unalive fr this time", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"
    ),
    Exemplar(
        "The only thought I have left is ending my own life.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "A pupil in my class told me she thinks about killing herself.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "ngl been thinking about ending things",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Im suicidle and I dont know who to tell",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "The idea of taking my life keeps popping up at work.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "my partner says he wants to end it and I don't know if he means us or himself",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Having dark thoughts about doing myself in, stronger than usual.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "My mate keeps saying 'might just kms lol' but he's not laughing.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "As a GP receptionist I spoke to a man who said he wants to kill himself.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    # risk_to_life: thinking about a method
    Exemplar(
        "I keep looking at my tablets and thinking about taking the lot.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Hanging myself has been on my mind.", "risk_to_life", "thinking about a method", "C-SSRS 3"
    ),
    Exemplar(
        "Eyeing my belt and wondering about using it on myself.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "thinking about using a ligature again",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I stood on the bridge on the way home and thought about going over.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "every time a train comes in i think about stepping in front",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I picture walking out into the traffic on the dual carriageway.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "When I drive I think about steering into a lorry.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've imagined jumping from the top of the multi-storey car park.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've been thinking of walking into the sea and not coming back.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "The kitchen knives are all I can think about tonight.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "thinking of leaving the gas on n going to sleep",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've wondered about drinking the bleach under the sink.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "My son has been asking where his uncle keeps the shotgun and talking about death.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I know which cliff I'd go to if I did it.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Could do it with my insulin, that thought won't go away.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "the river near mine looks so calm, keep thinking bout going in",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "She told me she's thought about crashing her car on purpose.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Looking at the rope in the shed and my mind goes there.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I think about the railway line every day on my walk.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've been wondering how many pills it would take.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Thought about jumpin off the balcony last nite",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Had the idea of cutting deep enough that it would be the end.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "My dad has been talking about driving off somewhere remote and never returning.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Been eyeing up the top floor windows at uni, wondering if it's high enough.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    # risk_to_life: intent with plan or time
    Exemplar(
        "I've decided. I'm going to do it tonight when everyone's asleep.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I'm going to take all my tablets on Friday after work.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I intend to act on these thoughts this time.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "Plan is sorted, bridge on sunday morning",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "i'm gonna kms after my shift tmrw", "risk_to_life", "intent with plan or time", "C-SSRS 5"
    ),
    Exemplar(
        "Once the kids are at their dad's this weekend I'm going to end it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I've worked out exactly how and when. It'll be on my birthday.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I'm going to hang myself when my flatmate goes away on Tuesday.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My wife says she's going to walk into the river tonight and she means it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "This time I'm actually going to go through with it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "Not just thinking anymore, I'm going to act on it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "after my mum's anniversary on the 3rd i wont be here",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Im going to jump from the hospital car park later",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I've set a date. The end of the month.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "going to crash the car on the way home, already decided",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My friend said she'll take her pills at midnight and not to stop her.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "i'm doing it today. i mean it.", "risk_to_life", "intent with plan or time", "C-SSRS 4"
    ),
    Exemplar(
        "I have a plan and I intend to carry it out.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Tonight's the night, it's all worked out.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Next week when the house is empty, that's when.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Decided I'll end things before Christmas.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "The pull to do something is getting stronger and I think I will soon.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "If my results are bad on Thursday I'm killing myself that afternoon.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My client told me he has a plan to end his life on the day his benefits stop.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    # risk_to_life: preparatory acts
    Exemplar(
        "I've been saving up my tablets for weeks and now I've got loads.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Bought some rope today. I know what it's for.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've written letters to my children to open after I'm gone.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Made a will yesterday even though I'm 24.", "risk_to_life", "preparatory acts", "C-SSRS 6"
    ),
    Exemplar(
        "i gave my guitar and my xbox to my cousin, wont need them",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've found a new home for my cat so she's looked after.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Sorted my bank stuff and passwords so my sister can deal with it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Went up to the bridge last night to see how high it is.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Spent all night looking up online how people do it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I practised with the belt last night but stopped.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My son has been giving away his things and I found a note in his room.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "ive got the pills lined up on the table", "risk_to_life", "preparatory acts", "C-SSRS 6"
    ),
    Exemplar(
        "Cancelled my gym and phone contract, tying up loose ends.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've paid off what I owe so nobody's left with debts after.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Found paracetamol hidden in my daughter's wardrobe, loads of packets.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar("Wrote my suicide note this morning.", "risk_to_life", "preparatory acts", "C-SSRS 6"),
    Exemplar(
        "Been to three different chemists so I could buy more paracetamol.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've rehomed my dog and cleaned the flat top to bottom.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Put my funeral wishes in writing and left them on the side.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My flatmate has been labelling his belongings with people's names.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I took the tablets out and held them, then put them back.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Drove to the cliffs yesterday and sat there for an hour deciding.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "i deleted all my socials and sent my ex my passwords",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My dad's been to the solicitor, sorted his life insurance, and won't say why.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "i searched which bridges near me have no barriers",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Ive been collecting my nans old meds from her cupboard",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    # risk_to_life: farewell and finality
    Exemplar(
        "Thank you for everything you've done. This is goodbye.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "This is the last time you'll hear from me.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please cancel my appointments, I won't be needing them.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Can someone look after my dog after today?",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "tell my mum i love her and im sorry", "risk_to_life", "farewell and finality", "Samaritans"
    ),
    Exemplar(
        "A final thank you to the team before I go for good.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Could you make sure my son gets to his nan's? I won't be around to take him.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "bye everyone. it was nice knowing some of you",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "I won't be at my review next week, or any week after.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Sorry for all the trouble I've caused. You won't have to worry about me after tonight.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "You've been kind. Remember that you tried.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please don't blame yourselves for what happens.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "this is my last message to the service",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "If anyone asks, tell them I was at peace at the end.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "No need to ring me back, I'll be gone by then.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Take my name off your list, I'm done with all of it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Can the team make sure my cat gets fed from tomorrow, there'll be no one here.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Goodbye, and thanks for trying with me.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Whoever reads this, my sister's details are in the kitchen drawer for afterwards.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar("last txt. love u all x", "risk_to_life", "farewell and finality", "Samaritans"),
    Exemplar(
        "My mum sent the whole family a message thanking us for everything, out of nowhere.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    # risk_to_life: burden, hopelessness or trapped
    Exemplar(
        "Everyone would be better off without me.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm just a burden to my family.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "There's no way out of this.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I can't see any future for myself at all.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Nothing is ever going to get better, what's the point.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "i feel trapped and theres no escape",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My kids would have a better life if I wasn't dragging them down.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm a waste of space and money.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "No point going on. It's hopeless.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My dad keeps saying he's just a drain on us since his stroke.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm stuck in a room with no door.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I've lost everything, there's nothing left to live for.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm too much for everyone, they'd be relieved if I was gone.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "whats the point of anything anymore",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Cant keep going like this, im out of options",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Feel like a weight round everyone's neck.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "There is no light at the end of it. There never will be.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My friend calls herself pointless and says everyone would cope fine without her.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I've run out of reasons to keep trying.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "The years ahead are blank. I can't picture being here next spring.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "i feel like evryone wud be beter off if i wasnt here",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Since losing the business my husband says he's failed us and there's no way back.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    # risk_to_life: self-harm act or urge
    Exemplar(
        "I cut myself again last night.", "risk_to_life", "self-harm act or urge", "NICE NG225"
    ),
    Exemplar(
        "Relapsed after eight months, cut my thighs.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "i burnt my arm with a lighter", "risk_to_life", "self-harm act or urge", "NICE NG225"
    ),
    Exemplar(
        "I poured boiling water on my hand on purpose.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I've been punching walls until my knuckles bleed.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "keep banging my head against the wall till it goes quiet",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I pulled out a patch of my hair and my scalp is bleeding.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I've picked my skin so much there are open sores everywhere.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "The urge to cut is really strong right now.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My cuts look infected, red and hot and there's pus.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "The cut on my arm won't stop bleeding and might need stitches.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I found blood on my son's sheets and cuts on his forearms.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My daughter's 13 and I've seen burns on her wrists she says are from the oven.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar("sh urges bad tonight", "risk_to_life", "self-harm act or urge", "NICE NG225"),
    Exemplar(
        "I hurt myself again so I could feel something.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I scratched my arms raw with a compass at school.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I tied something round my neck tonight but took it off.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My partner has started hitting himself in the face when he's stressed.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "A student showed me fresh marks on her arm today and asked me not to tell.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "Keep thinking about reaching for the razor blades.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar("i want to hurt myself so bad", "risk_to_life", "self-harm act or urge", "NICE NG225"),
    Exemplar(
        "Scalded myself in the shower again, I turn it as hot as it goes to punish myself.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "Clean for 100 days and I just broke it.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "my friend sent me a pic of her cuts and said it's deeper this time",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I've been self harming daily, mostly my legs so no one sees.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "bruises all over from hitting myself with a hairbrush",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My autistic son is biting his hands until they bleed and it's getting worse.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "i cut myslef agen n it wont close up",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    # risk_to_life: overdose or poisoning
    Exemplar(
        "I've taken a whole packet of paracetamol about an hour ago.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Just swallowed all my sertraline with a bottle of wine.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "took my citalopram, the full box", "risk_to_life", "overdose or poisoning", "NICE NG225"
    ),
    Exemplar(
        "I've taken a load of amitriptyline and my heart's racing.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Took my nan's co-codamol, feeling sick and sleepy.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "swallowed a strip of pregabalin with vodka",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I've had loads of diazepam and I can't keep my eyes open.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I've injected far more insulin than I should have, on purpose.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "My son has drunk antifreeze from the garage, he told me just now.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I drank some bleach. My throat is burning.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Overdosed earlier, now I'm vomiting and my ears are ringing.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I'm taking them one by one as I type this.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "My flatmate's taken something and won't say what, she's really drowsy.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "i od'd an hour ago, dont call anyone",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Took everything in my medicine cupboard.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Had double my lithium on purpose.", "risk_to_life", "overdose or poisoning", "NICE NG225"
    ),
    Exemplar(
        "Taken a handful of painkillers, not sure which ones, with cider.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "i took a lot of tablets this afternoon and now my stomach hurts really bad",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Yesterday I took an overdose and didn't tell anyone, now I look yellow and my side hurts.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "My mum has taken her whole week's dosette box at once.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Took some of my dad's heart pills to see what would happen.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Just necked 2 packs of paracetamol", "risk_to_life", "overdose or poisoning", "NICE NG225"
    ),
    Exemplar(
        "I've started swallowing the pills I saved. Half done.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Mate's just messaged that she's downed her antidepressants and is going to sleep now.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "tuk a load of pills wiv drink, feel wierd",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    # risk_to_life: command hallucination or dangerous delusion
    Exemplar(
        "The voices are telling me to hurt myself.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "A voice keeps saying I have to jump off the roof.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "They're telling me to drink the bleach to clean myself inside.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "The voice says to hurt my neighbour because he's spying on me.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "There's something planted in my arm and I need to cut it out.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "My brother believes there's a chip in his head and says he'll dig it out.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "voices say kill urself over and over",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "God told me I have to sacrifice myself tonight.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "My husband says the voices are ordering him to punish the children.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "I hear a man telling me to stab whoever comes to the door.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "The devil is inside me and the only way out is through fire.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "my son thinks I'm an impostor and says he needs to get rid of me",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "They say I've got to walk into the road to prove I'm real.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "The commands are louder today, I don't know how long I can ignore them.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "She's convinced her food is poisoned and hears voices saying to hurt herself.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "the voices want me to hurt the nurse on the ward",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "My sister believes her baby is evil and says a voice told her to get rid of it.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Messages on the telly say I have to stop my own heart.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    # risk_to_life: harm to others
    Exemplar(
        "I'm going to kill my ex when I see him.", "risk_to_life", "harm to others", "NICE NG10"
    ),
    Exemplar(
        "If my neighbour parks there again I'll stab him.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I've got a knife in my bag for the staff at the front desk.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I keep having thoughts of smothering my baby and I'm terrified.",
        "risk_to_life",
        "harm to others",
        "NHS England safeguarding",
    ),
    Exemplar(
        "When I bath my newborn I picture holding her under and it horrifies me.",
        "risk_to_life",
        "harm to others",
        "NHS England safeguarding",
    ),
    Exemplar(
        "My son has threatened to burn the house down with us in it.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I'll hurt him the way he hurt me, I know where he lives.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "When I get out I'm going to batter her.", "risk_to_life", "harm to others", "NICE NG10"
    ),
    Exemplar(
        "my dad said he'd kill mum and then himself", "risk_to_life", "harm to others", "NICE NG10"
    ),
    Exemplar(
        "I'm so angry I could really hurt the kids right now, please help.",
        "risk_to_life",
        "harm to others",
        "NHS England safeguarding",
    ),
    Exemplar(
        "He's got a machete under the bed and says it's for the lads who jumped him.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "Going to go up to the school and make them pay.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I want to make the doctor who sectioned me suffer.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "my brother's been talking about shooting people at his work",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I shook the baby earlier because he wouldn't stop crying and now he's really floppy.",
        "risk_to_life",
        "harm to others",
        "NSPCC physical",
    ),
    Exemplar(
        "I'm scared I'll lose it and hit my wife again.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "A man I support says he's planning to hurt his landlord this weekend.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "someone's gonna get hurt tonight and it'll be him",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I keep imagining pushing people onto the tracks and I'm frightened I might.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "Dad's been drinking and waving a knife around in the kitchen.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "i swear ill put him in hospital if he comes near me again",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "My teenage son punched his sister and says next time he'll use a bat.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    # risk_to_life: imminent report by another person
    Exemplar(
        "My sister sent me a goodbye text and now her phone's off.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My friend says she's on the bridge right now.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Dad left a note and took the car, we can't find him.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My son's locked himself in the bathroom and isn't answering.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "my bf just said he's taking pills and now he won't answer",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "A mate posted 'goodbye world' on his story an hour ago and nobody can reach him.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My partner walked out saying she's going to the railway and not to follow her.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My flatmate said goodbye to me in a weird way and went up to the roof.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Our neighbour shouted that he's ending it tonight and slammed his door.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Mum rang crying saying sorry for everything and hung up, she's not picking up.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My brother messaged a photo of tablets and 'sorry' then went offline.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Friend just left the pub saying she'd walk into the sea, she's drunk.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "He sent all of us his bank details and said goodbye. Can't get hold of him.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My wife's car is at the beauty spot by the cliffs but she isn't in it.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "I'm at my friend's flat, he's cut himself badly and there's a lot of blood.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My daughter's texted 'i love you, bye' and her location's at the station.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Housemate's been in his room all day, the door's blocked and there's no sound.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "One of my service users said goodbye this morning and hasn't been seen since.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    # safeguarding: child sexual abuse
    Exemplar(
        "my uncle plays a secret game with me and says i cant tell mum",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he touches me where my swimming costume goes",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "mums boyfriend gets in the bath with me and I dont like it",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he makes me watch videos of grown ups with no clothes on",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my step dad comes in my room at nite and i pretend to be asleep",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he said if i tell anyone ill get taken away from mum",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my cousin does stuff to me that hurts and says its normal",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "A 9 year old in my class told me her stepdad touches her private parts.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My daughter said the babysitter makes her keep secrets about bath time.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My little boy told me a man at football showed him his private parts.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "the man next door gives me sweets if i sit on his lap and he touches me",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "I'm a childminder and a girl I look after said her dad does rude things at night.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my brother is older and makes me do things i dont want in his room",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "Grandad says its our special secret and gives me money after",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My niece told me someone at church touches her and she's scared.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "i dont want to go to my dads at weekend coz of what he does",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "He takes photos of me with nothing on and says they're just for him.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My 14 year old is sleeping with a 25 year old man she met at the park.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC CSE",
    ),
    Exemplar(
        "my mum's friend kisses me on the mouth and says not to tell",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My son's coach messages him late at night and asks him to come over alone.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    # safeguarding: child neglect
    Exemplar(
        "There's no food in the house and I'm hungry.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "our heating's been off for weeks and my little sister is always cold",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "mum leaves me and my brother on our own all weekend",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "Nobody came to get me from school again, I'm still waiting.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "I look after my mum and I haven't been to school for two weeks.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My mum can't get out of bed so I do everything for my brothers.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "i've had toothache for months and nobody takes me to the dentist",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "I'm locked out and mum's not answering, it's dark.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The kids next door are always in the same dirty clothes and look thin.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "A child in my class comes in without a coat in winter and eats from the bin.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The baby upstairs cries for hours and I never hear anyone go to it.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My nephew's eczema is cracked and bleeding and his parents won't get it seen.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "we only eat when school gives us dinner", "safeguarding", "child neglect", "NSPCC neglect"
    ),
    Exemplar(
        "There's dog mess all over the floor where the kids sleep.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My friend's mum drinks all day and my friend has to make tea for the little ones.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "I'm 10 and I've been staying home to look after the baby.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "Dad's been in bed for days and there's no money for the meter.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The toddler two doors down was wandering in the road on his own in his nappy.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My granddaughter's arm was broken last week and they never took her to A&E.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "mum forgets to give me my inhaler and I can't breathe properly at night",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    # safeguarding: online grooming
    Exemplar(
        "someone i met on a game keeps asking for pics of me",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "a man online says he's 15 but he's sending me money and gifts",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "he bought me a new phone and said don't tell my parents about it",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "He wants me to talk on a secret app that deletes messages.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "This guy from Snapchat wants to meet me in town on Saturday and I'm 13.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "i sent a picture and now hes saying hell share it unless i send more",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "Someone's threatening to send my nudes to my followers unless I pay.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "My son (14) is being blackmailed over photos by someone he met online.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "my daughter is talking to a grown man on discord who tells her he loves her",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "An older boy online says I'm mature for my age and wants to video call with my door shut.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "He told me to delete our chats every night so my mum won't find them.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "Found gift cards in my 12 year old's room from someone she's 'friends with' online.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "the guy i game with keeps asking me to turn my camera on in my pyjamas",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "someone online asked what colour my underwear is and i'm 11",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "A pupil says an adult she met on TikTok has arranged to pick her up after school.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "he sends me robux and says i owe him now",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "My stepdaughter's been sneaking out to meet a man she met on Instagram.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    # safeguarding: child criminal exploitation
    Exemplar(
        "Older lads give me packages to take to other towns on the train.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "I've had to hide stuff inside my body when I travel for them.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "They said I owe them for the stuff that got taken and now I have to work it off.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "My son keeps going missing for days and comes back with new trainers and cash.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "I've been staying in a flat in another town selling for them.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "they make me get other kids at school to run for them",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "Some men have moved into my brother's flat and he can't get them out.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "My nan's flat has been taken over by dealers, they use it while she stays in the bedroom.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "i got robbed of the gear and i think they set it up so im in debt",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "Our 14 year old has two phones and they ring all night.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "A boy in Year 9 has unexplained injuries and talks about 'going country'.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "i cant stop running for them they know where my family lives",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "they made me hold a knife for them and threatened my sister",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "My nephew was found by police 80 miles from home with drugs on him.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "Lads put money through my bank account and now I owe them.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "The people I work for said if I stop they'll hurt me.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "my vulnerable neighbour has loads of young people in and out of his flat at all hours",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    # safeguarding: modern slavery
    Exemplar(
        "My boss has my passport and won't give it back.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "They keep all my wages for rent and food, I never see money.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I can't leave the house where I work, the doors are locked.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I was brought here for a job but now they say I owe them thousands.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "we sleep 10 in a room above the car wash and are not allowed out",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "My cousin works at the nail bar and they took her ID and phone.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "The man who brought me here says he'll hurt my family back home if I leave.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "One of our inpatients says he's worked on a farm for no pay for a year.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I clean houses 14 hours a day and they keep my money for my debt.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "Im forced to work and they watch me all the time",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "Someone drives us to the factory each day and takes our bank cards.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "My friend was promised a waitress job but they're making her sell sex.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I don't know what town I'm in, they move us every few weeks.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "The family I live with make me do all the housework and don't let me go to school.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "Our neighbours have a man living in their shed who works for them all day and "
        "looks scared.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "the gangmaster holds our papers and takes money from our pay for everything",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    # safeguarding: domestic abuse and coercive control
    Exemplar(
        "My partner hit me again last night and I'm scared to go home.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "He put his hands round my neck until I nearly passed out.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My wife threatens to kill me if I leave and I'm a man so no one believes me.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My partner says if I leave he'll kill me and the kids.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My daughter's boyfriend pushed her down the stairs and she's covering for him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "I can hear the woman next door screaming and things being thrown most nights.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "He controls all the money and gives me £20 a week for everything.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My husband checks my phone every night and reads all my messages.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He decides what I eat and weighs me every morning.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "I'm not allowed to wear what I want, he picks my clothes.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He's stopped me seeing my friends and family over the past year.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "She tracks my location on my phone and goes mad if I'm late.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He locks me in the flat when he goes to work.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My partner hides my medication so I get ill and need him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He says he'll tell social services I'm a bad mum if I don't do what he says.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "he put an app on my phone, he knows everywhere i go",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "I'm walking on eggshells all the time, one wrong word and he kicks off.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My partner won't let me go to my appointments without him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He's taken my car keys and bank card so I can't go anywhere.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "my gf screams at me and smashes my stuff, and as a bloke I'm too embarrassed to say",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My family are taking me abroad in the summer to marry someone I've never met.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My brothers say I've brought shame on them and they'll deal with me.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "I'm 16 and my parents have arranged my wedding, I don't want it.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My uncle said they'll kill me for dishonouring the family if I keep seeing my boyfriend.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My son shouts at me and has taken over my house, I'm frightened of him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "He made me sleep in the car as a punishment.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "She tells me I'm mad and no one will believe me and I'm starting to believe her.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My sister's husband won't let her learn English or leave the house alone.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    # safeguarding: adult sexual abuse or assault
    Exemplar(
        "I was raped at a party on Saturday and I haven't told anyone.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I think my drink was spiked last night, I woke up somewhere with no memory and sore.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My manager says I'll lose my job if I don't sleep with him.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My carer touches me when he's washing me and it's not right.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "On the ward a patient came into my room at night and got into my bed.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "Mum told me a staff member at her care home has been touching her breasts.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My husband forces sex on me when I say no.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "A man grabbed me on the way home and did things to me, I don't know what to do.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My sister has a learning disability and says a man at her day centre makes her "
        "do sexual things.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "he wouldnt stop when i said no and now i cant stop shaking",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My landlord says I can pay the rent 'another way'.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "Someone shared a video of me having sex without my consent.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "a taxi driver touched me and wouldnt let me out of the car",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "A woman on our ward says another patient has been sexually assaulting her.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I was sexually assaulted by a man I met on a dating app last week.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My dad's carer has been showing him porn and asking him to touch her.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "my boyfriend pressures me into stuff I don't want and says it's what girlfriends do",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I'm a man and I was assaulted by another man, I feel ashamed to say it.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    # safeguarding: financial abuse
    Exemplar(
        "My nephew has my bank card and PIN and my account is empty.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My daughter has taken out loans in my name without asking.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My dad's new 'friend' got him to change his will last month.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My son collects my pension and I never see any of it.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "The carer keeps asking my mum to lend her money and she can't say no.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My brother's taken over Mum's benefits and she's got nothing left for food.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "A man from the church has been getting my gran to sign things.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "i think my partner is spending my universal credit on drink and theres nothing "
        "for the kids",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My neighbour's grandson uses his cards to go shopping and he's left with nothing.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "Someone rang my aunt pretending to be the bank and she's given them thousands.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "The man with power of attorney for my mum is spending her money on himself.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "They made me sign over my flat and I didn't understand it.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My husband opened credit cards in my name I didn't know about.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My daughter won't let me have my own money, she keeps my purse.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "The staff at the home are keeping his spending money and he never gets any.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "my mates keep borrowing money off me and never pay it back, i have learning disabilities",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My gran's been sending all her savings to an online boyfriend she's never met.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    # safeguarding: carer or organisational abuse or neglect
    Exemplar(
        "The carers shout at my dad and call him names.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act psychological",
    ),
    Exemplar(
        "My mum had bruises on her arms after the carers moved her roughly.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "They leave him in wet pads all night at the care home.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "My nan's got pressure sores that nobody told us about.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The staff lock residents in their rooms at night.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "On the unit they take everyone's phones and won't let us call family.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "My brother's been losing weight at the home, they don't help him eat.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The carer doesn't give mum her tablets, they're still in the blister packs.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "They put my son in a room on his own for hours as punishment.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "A nurse slapped a patient on the ward today.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "the agency carer only stays five minutes and mums left in bed all day",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "My dad's hearing aid and glasses keep going missing and they don't care.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "They won't let my mum have a drink in the evening so she doesn't wet the bed.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "My aunt's home has too few staff and residents wait hours for the toilet.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "The night staff mock the residents and film them on their phones.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act psychological",
    ),
    Exemplar(
        "The care worker is rough when she dresses me and it hurts.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "My son in supported living is being restrained by staff, he's got marks on his wrists.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "I'm a support worker and my manager tells us to sedate residents to keep them quiet.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "Mum's been sitting in the same clothes for three days at the home.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The home keeps my dad in his chair all day with the table locked in front of him.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "My wife with dementia is being left in her room with no heating.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The staff eat the residents' meals and give them smaller portions.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    # safeguarding: self-neglect
    Exemplar(
        "My neighbour hasn't been out in weeks and his house smells awful.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My dad's stopped eating and washing and won't let anyone in.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My brother won't take his insulin and keeps ending up in hospital.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "The house is full to the ceiling with rubbish and my mum lives in one corner.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "I haven't eaten properly for days and I can't face washing.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "Uncle's leg is ulcerated and he refuses to see anyone about it.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "She's living without electricity and won't let the council in.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My gran's fridge is full of mouldy food and she's got thinner.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "He's on the floor most days and won't let the carers help.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "The old man at number 42 has no heating and he's wearing his coat in bed.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "i've stopped taking my meds and the flat is a state, i dont care anymore",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My sister's drinking all day and isn't eating, she's gone yellow.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "He's not opened his post in months and they're going to cut off his water.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My tenant's flat is infested with mice and he says he's fine.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My mum with psychosis hasn't left her bedroom or eaten properly for a week.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "There are flies everywhere and he's not changed his clothes in weeks.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    # ordinary: strong-worded praise
    Exemplar(
        "The crisis team saved my life last year, thank you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I wouldn't be here without you, and I'm doing so well now.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar("You lot are lifesavers, honestly.", "ordinary", "strong-worded praise", "NHS FFT"),
    Exemplar(
        "The home treatment team got me through the worst time of my life.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Best care I've ever had, the nurse was amazing.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I owe my life to the staff on Willow Ward.", "ordinary", "strong-worded praise", "NHS FFT"
    ),
    Exemplar(
        "Sam on the night line was a star, really listened.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thank you for not giving up on me back then.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar("The safe haven café is a godsend.", "ordinary", "strong-worded praise", "NHS FFT"),
    Exemplar(
        "You brought me back from the brink two years ago and I'll never forget it.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Incredible team, they went above and beyond for my son.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Can't thank the crisis line enough, it made all the difference.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "My mum says the team were angels when she was poorly.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Five stars, the nurse was kind and patient.", "ordinary", "strong-worded praise", "NHS FFT"
    ),
    Exemplar(
        "Honestly the best thing that happened to me was getting referred to you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "You gave me hope when I had none, and I'm so grateful.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar("Absolute heroes, every one of you.", "ordinary", "strong-worded praise", "NHS FFT"),
    Exemplar(
        "The psychiatrist was brilliant and explained everything.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thank you for picking up at 3am that night, it turned things around.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Very good service, would recommend to friends and family.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The team helped me back on my feet, I'm working again.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "the peer support worker was amazing, she really gets it",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thank you to everyone at the crisis house, it felt like a home.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I was at rock bottom when I came in and you lifted me up. Forever thankful.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Wonderful staff, nothing was too much trouble.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Without the team I'd not have made it through that winter. I'm well now.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The OT helped me find my confidence again.", "ordinary", "strong-worded praise", "NHS FFT"
    ),
    Exemplar(
        "Big thanks to the duty worker who called back so quickly.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Such a kind receptionist, made me feel welcome.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The crisis café kept me sane during lockdown.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "They literally kept me alive in 2021 and now I volunteer with them.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "My dad would've been lost without your support, thank you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "ur team r legends, proper saved me when i was in a state last year x",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    # ordinary: complaint without current risk
    Exemplar(
        "Waited four hours in A&E to see the mental health liaison team.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Nobody called me back when they said they would.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The receptionist was rude and dismissive.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The food on the ward was cold and tasteless.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Parking at the hospital is a nightmare and costs a fortune.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I was discharged without anyone telling my GP.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The pharmacy gave me the wrong strength of my tablets. Sorted now, but not good enough.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My prescription was late again and I had to chase it for days.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Three different care coordinators in a year, I have to repeat my story every time.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The waiting list for therapy is 18 months, it's ridiculous.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The phone line kept cutting out and I gave up.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The doctor didn't listen and rushed me out in five minutes.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The ward was noisy and I couldn't sleep at all.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My letter had someone else's name on it.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Staff were on their phones instead of talking to patients.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Discharged too early in my opinion, though I'm coping fine.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "They changed my meds without explaining the side effects.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "No disabled parking spaces near the entrance.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The building is freezing and the chairs are falling apart.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I had to explain my history three times in one day.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The app keeps crashing when I try to book.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My appointment was cancelled on the day with no reason.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Sick of being passed from pillar to post between services.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The nurse handed me someone else's tablets but noticed before I took them. "
        "Please sort your checks.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The leaflet was full of jargon I couldn't understand.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Not impressed with the attitude of the security guard.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The toilets on the ward were filthy.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I asked for a female worker and got a male one again.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Interpreter didn't turn up so the appointment was wasted.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The vending machine ate my money and nobody cared lol.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Why does it take six weeks to get a copy of my care plan?",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The hold music is awful and I was on hold for 40 minutes.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The psychiatrist was late and didn't apologise.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Visiting hours are too short for working families.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The discharge letter listed my medication wrong, my GP fixed it.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Rubbish signage, I got lost trying to find the clinic.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "wasnt happy wiv how long the ambulance took for my mum's fall last month",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    # ordinary: harmless idiom
    Exemplar("I'm dying for a cuppa after that meeting.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("Just killing time in the waiting room.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("The wait was killing me but it was worth it.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm dead on my feet after a double shift.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Shoot me an email with the new appointment time.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I could murder a biscuit right now.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Some bloke tried to jump the queue at reception.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("My boss has cut my hours so I'm a bit skint.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "There was an overdose of forms to fill in at the first appointment.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The peer worker really helped bridge the gap until therapy started.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I was hanging around outside for ages before anyone let me in.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I'm fed up to the back teeth with the bus service.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My feet are killing me after the walk from the car park.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "That comedian was so funny I nearly died laughing.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "I'll die of embarrassment if my mum reads my notes.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("This heat is murder.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "My phone's dead, can you text my wife instead?", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "I'm going to kill my brother, he ate my leftovers again haha.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The traffic was so bad I nearly lost the will to live.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "My sister would kill me if I missed her birthday.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "The cake at the coffee morning was to die for.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "That new nurse is a lifesaver with the paperwork.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I'm drowning in laundry this week.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("Knock 'em dead at your interview!", "ordinary", "harmless idiom", "idiom"),
    Exemplar("My knee is giving me hell on the stairs.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "We were dying of thirst by the time the tea trolley came.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I'm going to cut the grass later if it stays dry.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My heart sank when I saw the queue, but it moved fast.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "Could've killed for a bacon roll on the ward.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("The pharmacist was dead helpful.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm shattered, going to crash early tonight.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Hang on a sec, I'm just finding my NHS number.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I was over the moon with my new flat.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("That film was a real killer, we loved it.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm at the end of my rope with this printer.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("The deadline at work is doing my head in.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Our cat is going to be the death of me, she's learnt to open doors.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("I bombed my driving test, back to lessons.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Cutting it fine, I got to my appointment with a minute to spare.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I took a shot at the crossword in the waiting room.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My gran says I'm giving her a heart attack when I don't ring.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The kids are bouncing off the walls since the holidays started.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("I'm sick to death of the rain.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Finally buried the hatchet with my brother, we're talking again.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("I'm hanging after my mate's wedding lol", "ordinary", "harmless idiom", "idiom"),
    Exemplar("That pub quiz question killed me, who knew.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "I nearly jumped out of my skin when the fire alarm went off.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The new bus route is a real pain in the neck.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("We'll cross that bridge when we come to it.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Time to bite the bullet and book the dentist.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I'm absolutely starving, is the café open?", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "my phone's on 2% and about to die, will ring u back", "ordinary", "harmless idiom", "idiom"
    ),
    # ordinary: past crisis now well
    Exemplar(
        "Two years ago I tried to take my life. Today I'm at university and happy.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I used to self-harm as a teen but I haven't for over five years.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Back in 2019 I was suicidal, but I'm in a really good place now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I overdosed years ago. These days I run a peer group.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I've been well for ages, just checking my discharge paperwork.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "When I was first referred I didn't want to live. That feels like another life now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My scars have faded and so has the pain. Thank you for being there then.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Last winter was dark but I'm getting out, walking and sleeping well.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I haven't had any thoughts of harming myself since starting therapy last year.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I was sectioned in 2020 and now I'm back at work full time.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm three years free from self-harm this month and proud of it.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Once I thought there was no way out, now I'm planning my wedding.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I was in a bad way after my divorce but I'm much better now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Used to hear commands to harm myself, none since the new meds, years now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My crisis plan is still on the fridge but I haven't needed it in ages.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "The worst is long behind me, I'm just writing to say I'm OK.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm no longer suicidal and my mood has been stable for months.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I tried to end things at 17. I'm 30 now and I've got a family.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My relapse was last spring, I'm back on track and feeling positive.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "A stranger talked me down from a bridge ten years ago and now I train volunteers.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "No urges to cut for a long time now, the DBT skills really work.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm safe and well, please close my referral.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I don't feel like a burden anymore, I feel useful again.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Eighteen months on from my overdose I've got a new job and a dog.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I was in a dark place when I called last year, I'm doing fine now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My eating disorder nearly killed me, but I'm recovered and studying nursing.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Just an update that my son is doing well since his crisis in March.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "That hospital stay was the turning point, I'm well and happy now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I feel hopeful for the first time in years.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm stable on my meds, sleeping well and seeing friends.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    # ordinary: carer feedback without current concern
    Exemplar(
        "As a carer I felt listened to at my husband's review.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Mum's settled in well at home and the team kept us informed.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "It would help carers if we got a copy of the care plan.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The carers' support group has been brilliant for me.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My son's doing well, thank you for including me in his care.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Could carers get evening appointments? I work days.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I'm my wife's carer and the respite week gave me a real break.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My daughter's key worker is lovely and calls me every week.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Dad is back to his old self and we're so grateful.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The carer's assessment was quick and useful.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "As a parent I'd like more information about medication side effects.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My brother is much calmer since he started at the day service.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Thanks for the carer's card, the discount at the café is a nice touch.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The family meeting was helpful, everyone understood the plan.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "As a young carer I liked the activity day, it was fun.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Would be good if the team could text carers before visits.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Caring for Mum is going well at the moment.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My partner's mental health has been stable and we're enjoying life.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The carers' leaflet was clear and the helpline number is on the fridge.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "We felt involved in the discharge planning, thank you.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Grandad is eating well and enjoying his lunch club again.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I'm a foster carer and the CAMHS worker has been supportive with our young person.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    # ordinary: news, TV or training
    Exemplar(
        "Watched a documentary about suicide prevention, really moving.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Our workplace did suicide awareness training today, very useful.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I've signed up for a free online course on talking about suicide.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The soap storyline about self-harm was handled sensitively I thought.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Read a news article on rising rates of self-harm in teenagers.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Completed my level 3 safeguarding training this week.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "We're holding a stall for World Suicide Prevention Day, can you send leaflets?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Is there a poster about spotting signs of domestic abuse for our staffroom?",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "My school is doing a talk on online safety and grooming for parents.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "The podcast about men's mental health was great.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm writing an essay on county lines for my criminology degree.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Our church is running a session on modern slavery awareness.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Saw the news about the care home inspection, hope they fix it.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "A film we watched at college was about coercive control, it opened my eyes.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Could you recommend books on supporting someone who self-harms?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The Samaritans talk at our football club was excellent.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The crime drama last night had a poisoning storyline, bit far-fetched.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm a teacher planning a PSHE lesson on healthy relationships.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "We did a mental health first aid course at work, it was brilliant.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The radio phone-in about grief and loss was comforting to listen to.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Our book club read a novel where the main character overdoses, good discussion.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Is there training for volunteers on how to ask about suicide directly?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm organising a charity walk to raise money for suicide prevention.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The news report on forced marriage was shocking, glad there's help out there.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Our nursery staff had a training day on neglect and early help.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Watched a true crime show about a poisoner, so gripping I stayed up late.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm a journalist, where can I find the guidelines for reporting suicide?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    # ordinary: practical or admin
    Exemplar(
        "Can I change my appointment from Tuesday to Thursday?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("What's the address of the crisis café?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I've moved house, please update my address.", "ordinary", "practical or admin", "admin"
    ),
    Exemplar("Is there step-free access at the clinic?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "My repeat prescription needs signing off, who do I ask?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could I have my letters in large print please?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "Do I need to bring anything to my first assessment?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Please send the appointment letter to my email instead of post.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "What time does the safe haven open on Sundays?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar("Can my sister come with me to my review?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I need a fit note for work, can the team do that?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("My new number is 07700 900123.", "ordinary", "practical or admin", "admin"),
    Exemplar("How do I request a copy of my records?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "Is there somewhere to charge my phone in the waiting room?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can you arrange a Polish interpreter for next week?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Will there be parking at the new site?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I'd like to give feedback, where's the form?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "Can I self-refer to the talking therapies service?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Is the clinic open on the bank holiday?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "Please cancel Friday's appointment, I've got a job interview.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I won't need the transport booking next week, my son is driving me.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could you post me the leaflet about sleep hygiene?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I've lost my crisis plan, can you email a copy?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "What's the difference between the crisis line and 111 option 2?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Do you validate car park tickets?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I need to rearrange because of childcare.", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "Can I bring my assistance dog to the ward visit?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Please pass my thanks and this card to the night team.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Which bus stops nearest to the community hub?", "ordinary", "practical or admin", "admin"
    ),
    # ordinary: small talk
    Exemplar("Lovely weather today, isn't it?", "ordinary", "small talk", "small talk"),
    Exemplar("Hope you all have a nice weekend.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Just got back from my holiday in Cornwall, feeling refreshed.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("Happy Christmas to the whole team!", "ordinary", "small talk", "small talk"),
    Exemplar("My daughter passed her driving test today!", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Had a lovely walk by the canal this morning.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("Anyone watch the football last night?", "ordinary", "small talk", "small talk"),
    Exemplar(
        "I made a lasagne for the first time, turned out great.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "The new puppy is chewing everything in sight.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "Started a pottery class, my bowls are wonky but fun.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("hi hope ur ok", "ordinary", "small talk", "small talk"),
    Exemplar("Morning! Busy day ahead.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "I've taken up running, did my first 5k on Saturday.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("The garden's finally blooming.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "We're off camping this weekend, fingers crossed for sun.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Happy new year everyone, all the best for the year ahead.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Just baked scones for the group, hope there's enough.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "My grandson's visiting tomorrow, can't wait.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("Thanks, have a good evening.", "ordinary", "small talk", "small talk"),
    Exemplar("lol the cat just fell off the sofa", "ordinary", "small talk", "small talk"),
    Exemplar(
        "I'm learning Spanish on an app, 30 days in a row.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("Finished my jigsaw, 1000 pieces!", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Lovely to see everyone at the coffee morning.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "Off to the allotment, the tomatoes need watering.", "ordinary", "small talk", "small talk"
    ),
    # risk_to_life (indirect): passive death wish
    Exemplar(
        "Things would be simpler for everybody if I weren't around any more.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "honestly if i didnt have to be here that would suit me fine",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "When I hear about someone dying young I think, why couldn't it have been me instead.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "If the lump turns out to be cancer I won't fight it.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I cross roads without looking now. If something happens, it happens.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'd swap places with anyone in the cemetery.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Being here feels like a mistake someone forgot to correct.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Life feels like a party I'd like to leave early.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "On the flight last week I caught myself hoping we'd go down.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "im just waiting for it all to be over tbh, the whole life thing",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'm in no rush to see old age, or next year for that matter.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Closing my eyes for good sounds like rest to me.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "my nan keeps telling the carers she's had enough of being alive, she wants grandad",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "It would be a relief to be gone, not in a dramatic way, just gone.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'm done with being here, I'd just like to be let off.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Bit morbid but I read the obituaries and feel jealous.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Wouldn't mind a quiet exit from all of this.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'd be happy enough not to see Christmas.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My teenager said 'I wish I could just be deleted' at tea tonight.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "lowkey hoping something takes me out", "risk_to_life", "passive death wish", "C-SSRS 1"
    ),
    Exemplar(
        "life can stop whenever it likes, I won't miss it",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I feel like a guest who's overstayed, I'd like to go and there's nowhere here to go to.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I keep thinking how peaceful it must be to be dead.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My brother said he'd rather not be alive than go on like this, then changed the subject.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I wouldn't act on it, but I'd rather be out of the picture permanently.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "when i get ill i dont bother with the doctor, hoping it turns into something",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "If I nodded off at the wheel one night it'd be a blessing.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "It would be kinder if my body just stopped.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'm only still here because I haven't been taken yet.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Dad keeps asking why he's still alive when all his friends have gone.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "would be nice to not be here. just saying it out loud",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "i dont mind if tomorrow never comes for me",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "ngl wouldnt be sad if i just didnt make it home one day",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'd be glad to be done with living, if I'm honest with you.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My mum has stopped her heart tablets and says it's time she went.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Everything would be less complicated with me out of it.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "if the ambulance came too late one day i wouldnt be cross about it",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    # risk_to_life (indirect): burden as cost or relief
    Exemplar(
        "Think of all the money my family would save if they didn't have me to pay for.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "They'd breathe easier without me taking up their time.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm just an expense to everyone, the rent, the food, the worry.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My mum would have one thing fewer on her plate if I wasn't in the picture.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Everyone would get their lives back if I was out of the way.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "i cost the nhs a fortune and for what",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My husband's carrying me and it's breaking him. He deserves more than me.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "The payout on my policy would set the kids up far better than I ever could.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm the problem in this house. Take me away and everything works.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "all i do is take and take from people",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My partner would finally be free to meet someone normal if I wasn't here.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Gran keeps apologising for still being around and costing us.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm sick of being the thing everyone has to manage.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Think how peaceful the house would be without me in it.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "honestly theyd probably throw a party, less hassle for them",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "No one would have to babysit me anymore.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm a constant worry to my parents, they'd finally sleep at night without me.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "my flatmates would be glad of the extra room tbh",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Dad says he's in the way now and we'd manage easier without him to look after.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My best mate reckons she's too much hassle to be worth keeping around.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Every penny spent on me is wasted.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm dead weight at work and at home.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "The money spent on me should go on my sister, she's got a future.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "i just make things worse for everyone by existing",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My care costs the family everything. It would be fairer if I stopped being a cost.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "they'd be lighter without me hanging round their necks, dont tell me otherwise",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    # risk_to_life (indirect): hopelessness
    Exemplar(
        "I look ahead and there's just nothing there.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "what is even left for me", "risk_to_life", "burden, hopelessness or trapped", "Samaritans"
    ),
    Exemplar(
        "Tomorrow will be the same as today and I can't do another one.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I've tried every tablet and every therapy, nothing is going to shift it.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "There's nothing to look forward to, not one thing.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I gave up hoping a long time ago.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "It's all grey from here on out.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Whatever happens it won't be good, so why bother.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "im never going to be ok am i",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "The future's been cancelled as far as I'm concerned.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My son says there's no point making plans because he won't need them.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Every door I knock on is shut. I've stopped knocking.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "This is as good as it gets and it isn't good. I've made my peace with that.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I can't imagine ever feeling any different.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I used to think things would turn around. Not anymore.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "no future no point no nothing",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Even the good days feel like waiting for the end.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Since the diagnosis my wife says she can't see why she'd carry on.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My life's over really, I'm just going through the motions until it stops.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar("I'm out of fight.", "risk_to_life", "burden, hopelessness or trapped", "Samaritans"),
    Exemplar(
        "Honestly can't see me making it to 30.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm empty and I've stopped expecting anything to fill it.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "All my tomorrows look like a wall.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "What's there to get up for? Genuinely asking.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "cant see a way this ends well for me",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "trapped in my own head and the only exit i can see is permanent",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm at the end of the road with all of it.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    # risk_to_life (indirect): farewell as thanks or a practical request
    Exemplar(
        "Can somebody ask Pat at number 6 to feed the rabbits on Thursday, and every day after.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "The spare key is under the plant pot by the back door, for whoever needs it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please tell the whole team how grateful I am for all of it. Really, all of it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "It's been a real pleasure knowing you all.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Wipe me off the appointment book altogether, there's no sense keeping me on it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Don't bother with a callback, honestly, it won't be needed.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Thanks for putting up with me so long. I'm sorting it so you won't have to any more.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "just wanted u all to know u were good to me, before its too late",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Can someone water my plants from the weekend on, the side gate's open.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "The dog's lead and food are by the door. My brother knows to collect her.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "If the team could let my mum know where my papers are, they're in the blue folder.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "gonna miss u guys. dont be sad x", "risk_to_life", "farewell and finality", "Samaritans"
    ),
    Exemplar(
        "You won't have to chase me about missed appointments any more.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "You've all been wonderful. I wanted you to hear it from me while I still can.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please give my care coordinator my best and tell her it wasn't her fault.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Bella should go to the rescue centre, please see that she does. She's a good dog.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "thanks for ur help. wont bother u again",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "I'm giving back the crisis card with your number on, I won't be using it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Could you tell my GP I'm grateful and sorry for wasting her time.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "There's an envelope for my landlord about the deposit, can you pass it on Monday.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please pass on to Jo on the night shift that our chats meant a lot. That's all.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "My daughter emailed her teacher a thank you and said she won't be in any more.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "From the weekend on, I'm off your hands.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "After Sunday I won't be your problem.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "You can shut my file now. I'm putting my affairs in order.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Sorry I wasn't a better patient. Take care of yourselves.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "goodnight everyone, and goodbye properly this time",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Next door have a key. Someone should go round first thing tomorrow.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "My husband told his mates it's been an honour and he'll see them on the other side.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "You won't need to book my next review.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "look after urselves, all of you. really mean it",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Thanks for the chats. I'm getting everything tidy for afterwards now.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Tell my support worker she can give my slot to someone who'll use it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "I just wanted to say sorry and thank you, in that order.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Don't ring on Monday, there won't be anybody here to answer.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "It's been a good run, all things considered. Thanks for your part in it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Could someone collect my budgie on Friday? His seed's in the cupboard.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Love to all the staff. Remember me kindly.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "My friend wrote me a long thing about our friendship and said I'm to have her records.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Let the pharmacy know they can stop my prescription, I won't be collecting again.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "You did your best with me and I want you to know I know that.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    # risk_to_life (indirect): preparatory acts told without the reason
    Exemplar(
        "I've bookmarked a few pages I need for later.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar("The stuff I ordered came today.", "risk_to_life", "preparatory acts", "C-SSRS 6"),
    Exemplar(
        "ordered what i need online, arrives tuesday",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Ended the broadband, the magazine subscriptions and the Netflix this week, all of it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Wrote every one of my passwords in a notebook for my brother.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've cleared my credit card and the loan from my sister, so that's everything settled.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "The insurance papers are out on the kitchen table where they'll be found.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "The cats are going to a family on the estate on Saturday. It's all arranged.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Spent the evening writing to each of my nieces, one envelope each, sealed.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Drove out to the quarry after dark last night. Just to see it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Went up the car park again at midnight and stood by the edge for a while.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've been going down to the level crossing at night to learn the train times.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Sorted my funeral plan and paid it in full.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "my mate gave his dog to his mum and quit his job, says where hes going theres no work",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "been googling stuff i shouldnt, saved the tabs",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar("I've written down who gets what.", "risk_to_life", "preparatory acts", "C-SSRS 6"),
    Exemplar(
        "Gave my bike and my records to friends this week.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Changed the beneficiary on my pension to my niece.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My sister handed round her clothes to friends and paid her rent three months ahead.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've saved up enough of the stuff now.", "risk_to_life", "preparatory acts", "C-SSRS 6"
    ),
    Exemplar(
        "Shredded my diaries and emptied my inbox.", "risk_to_life", "preparatory acts", "C-SSRS 6"
    ),
    Exemplar(
        "Labelled the boxes in the loft with who they're for.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "told my landlord ill be out by the end of the month, no forwarding address",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Bought the last bits from the hardware shop today. Everything's ready now.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Emailed my ex the joint account login and put the car documents through her door.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've made a list of people to tell and what to say to them.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Scheduled some messages to go out next week.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Recorded videos for my kids' birthdays for the next few years.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Cleaned the house properly for the first time in months so nobody else has to.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "He's been asking me odd things, like where the deeds are and who'd look after the garden.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Paid back everyone I owed, even a tenner from school.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "put all my important docs in one envelope marked for mum",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Unsubscribed from everything and deactivated my accounts one by one.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've been walking to the viaduct every night to get used to it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I worked out the amount from a website and wrote it on a post-it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Stopped the chemist delivering and kept the last lot back.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Returned all the library books and everything I'd borrowed.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Dropped the dog at the rescue today. She'll have a proper life there.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Emailed my manager a full handover of my work, covering everything long term.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Chose the music for the service and wrote it down for my sister.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My daughter's search history is full of questions about how long things take to work.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar("Checked the tide times for tonight.", "risk_to_life", "preparatory acts", "C-SSRS 6"),
    Exemplar(
        "Got my last wishes witnessed by two neighbours this morning.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My brother bought a one-way ticket to the coast and left his phone on his bed.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Sorted who gets the car and posted the logbook.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Asked the bank to put my sister on my account for when she needs it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Gave mum the number for my union so she can claim the death-in-service money.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    # risk_to_life (indirect): euphemisms and slang
    Exemplar(
        "thinking about checking out early", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"
    ),
    Exemplar("wanna log off permanently", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar("ready to clock out for good", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "I've been thinking about making my own exit.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "thinking about packing life in altogether",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "been reading about ctb and it makes sense to me",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "kys is what my head says to me all day",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I want to put myself out of my misery.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "The idea of pulling the plug on myself keeps coming back.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "thinking of yeeting myself off something high lol",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "thinking about doing a permanent vanishing act",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar("want to self delete", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "I've had thoughts about dying by my own hand.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "im so close to becoming a statistic",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Thinking about finishing myself off.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I think about taking myself out of the equation.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "My cousin keeps saying 'might just end my game' on our group chat.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "wanna go be with the angels, sooner the better",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I'm thinking about bowing out. Of life, not the job.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Contemplating a permanent solution and the problem doesn't feel temporary.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar("si thoughts been loud today", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar("feel like roping ngl", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "my brain wont stop telling me to delete myself irl",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Thinking of punching my ticket, as my grandad would've put it.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "tempted to take the big sleep tbh", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"
    ),
    # risk_to_life (indirect): intent with a time, said obliquely
    Exemplar(
        "After Friday none of this will matter.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "By the time you read this I'll have sorted it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Once my son's exams are over I'll be free to go.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I've picked a day. That's all I'll say.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "itll all be done by the weekend", "risk_to_life", "intent with plan or time", "C-SSRS 5"
    ),
    Exemplar(
        "Heading to the cliffs tonight, it's where I want to be at the end.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I've decided when. Knowing that makes me calm.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "Going out for a last walk later, I won't be coming back from it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My uncle says he's 'sorting it' on his birthday and won't tell us what.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Let's just say I haven't bought a diary for next year, and I won't.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    # safeguarding (told indirectly): child sexual abuse in a child's words
    Exemplar(
        "my step brother has a game called doctors and i have to take my clothes off",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "uncle says the tickle game is our secret but it hurts",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "mummys friend plays the sleeping game, i keep my eyes shut and he touches me",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "At nanna's, grandad gets in the shower with me even when I tell him to go away.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my dad said its what daddies do and all my friends dads do it too",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he said it would be my fault if mum ever found out",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "The boy from upstairs makes me play the grown-up kissing game in the bike shed.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My 6 year old drew her and her uncle in bed and called it their special cuddle.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "i feel dirty after his visits and i dont know why",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my teacher says im his favourite and keeps me behind and shuts the blinds",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he puts his hand in my pants when we watch films and says dont move",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My son (7) says the lodger plays 'secret wrestling' with him when they're both undressed.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "i told my big sister he hurts my bottom and she said shush or we'll all get in trouble",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    # safeguarding (told indirectly): child neglect
    Exemplar(
        "its just me and my sister at home, mum went away on friday and theres only cereal left",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My baby brother's nappy hasn't been changed since yesterday and I don't know how to.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "i have to wear my brothers shoes, theyre too big and have holes in",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The girl next door is out on the street till midnight, she's 8 and says no one's in.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "nobody washes my hair and the kids at school call me smelly",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "mum sleeps all day after her medicine so we get ourselves to school if we can",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    # safeguarding (told indirectly): online grooming
    Exemplar(
        "my online boyfriend is 19 and says age is just a number, im 13",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "a guy in my game chat said i can have a new skin if i do a dare on camera",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "He wants us to move to a different app where my parents can't see.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "someone from online knows my school and says he'll come and watch me play netball",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "My daughter's 'friend' from the internet posts her vapes and cash.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "he said if i really loved him id send one without my top",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    # safeguarding (told indirectly): exploitation
    Exemplar(
        "My 15 year old comes home at 3am in cars with older men and has a phone I didn't buy.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC CSE",
    ),
    Exemplar(
        "older lads at the chicken shop give me free food and now they say i owe them favours",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "they got me to keep a bag at my house and said if it goes missing i pay",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "my girlfriend's 'uncles' take her to parties in hotels and she comes back with money",
        "safeguarding",
        "child sexual abuse",
        "NSPCC CSE",
    ),
    Exemplar(
        "A 14 year old in my tutor group has a wad of cash and seems scared of his 'mates'.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "a man takes me to meet his friends and they give me vodka, hes taking me again saturday",
        "safeguarding",
        "child sexual abuse",
        "NSPCC CSE",
    ),
    # safeguarding (told indirectly): coercive control and being kept from family
    Exemplar(
        "He's never hurt me, he just doesn't like me seeing my mum, so I've stopped.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "I have to send him a photo of where I am every hour or he gets upset.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He says my family turn me against him, so I've not spoken to my sister in a year.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "i have to ask before i spend anything, even on a coffee",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "She changes the wifi password and I'm only allowed online when she's in.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He calls me useless so often I've started saying it about myself.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He told me not to tell the nurse about home stuff, so I'd better not say more.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My dad decides when mum can go out and who she talks to, and she says that's normal.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "If I'm not in by the time he says, I have to account for every minute.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "my fiance says if i go to the wedding without him whatever he does will be my fault",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    # safeguarding (told indirectly): adult sexual assault
    Exemplar(
        "I said stop more than once and he carried on anyway.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I was too drunk to say yes or no and he took that as a yes.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I woke up and he was already doing it.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I froze and didn't fight him off, so I don't know if it counts.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "my ex came round to 'talk' and i couldnt get him off me",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "He took the condom off partway through without asking me.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "A man at the hostel comes into the women's showers and touches me.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My friend went home with a guy, can't remember anything and has bruises on her thighs.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My sister's support worker keeps asking her about sex and has tried to kiss her.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    # safeguarding (told indirectly): money going missing
    Exemplar(
        "Money keeps going out of Mum's account and her carer does her shopping with her card.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "my son 'looks after' my money and i have to ask him for bus fare",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "Dad's new lodger keeps borrowing and there's never anything in the tin now.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "Someone takes twenties out of gran's purse every week and she thinks she's losing it.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My brother got Dad to sign something at the bank and now the house is in his name.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My benefits go into my boyfriend's account and I don't know the PIN.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "the girls from the day centre take me to the cash machine and i give them my money",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "Uncle's savings have gone and his nephew has turned up in a new car.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    # safeguarding (told indirectly): carer's rough handling or neglect as routine
    Exemplar(
        "The carer said Mum was being difficult so she left her in the chair till the next shift.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "Dad has fingertip bruises on his upper arms after his wash every morning.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "The night carer turns Grandad's hearing aids off so he'll stop calling out.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act psychological",
    ),
    Exemplar(
        "They only get him up twice a week, they say it's easier to keep him in bed.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "my carer grabs my wrist hard to hurry me up, she says its the only way",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "The home keep cancelling our visits and told Mum we don't want to see her.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "she says if i tell the office about her nobody will come at all and i'll end up in a home",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act psychological",
    ),
    Exemplar(
        "Mum's dinner gets left on a tray out of her reach and taken away full.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The carers pull my sister out of bed by her arms, it's how they always do it.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    # ordinary (hard negatives): thanks and goodbyes at the end of care
    Exemplar(
        "It was my last session with the team today, thank you, I'll keep using what I learned.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Goodbye and thank you to Ward 3, I'm going home to my family tomorrow.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "My last appointment was today and I feel ready to move on. Thanks, all.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Saying goodbye to my care coordinator was emotional, she's been great.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Discharged today! I'll pop into the café to say hello sometimes.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thanks for all your help over the last six months, I'm starting college in September.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The weekend staff deserve a medal, I'm settled at home now and doing well.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Last group session tonight, I'll miss everyone, but we've set up a walking group.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Final visit from the home treatment team this morning, we're all doing well. Thank you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "A big goodbye to Dr Okafor who's retiring, she was brilliant with my son.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "It's been lovely working with you all, thanks for getting me back on track.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The end of therapy feels like a new start. Thank you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I'm moving to Leeds for work so this is goodbye, thanks for passing me on to my new team.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "A last thank you from me and my mum, she's doing well in her new flat.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Can't believe it's my final appointment, I came in in pieces and I'm leaving whole.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "thank u for everything u did, im back at school n loving it",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Sad goodbye to our lovely support worker who's leaving, good luck in the new job!",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Lovely send-off at the end of the course, the certificate is on my wall.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "You were there when it counted. I'll be back next year as a volunteer.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Nurse Kemi was fantastic on my last day, sorting the meds I'm taking home.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "It was nice to meet you all, see you at the reunion coffee morning next month.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "A final word of thanks to the crisis house, I'm now in my own place with a job.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The team gave me a card at my last session and I cried happy tears.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Cheers for all the help. Off to uni next week, will keep up the meds.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "We said our goodbyes to the ward staff today, Dad is home and eating well.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    # ordinary (hard negatives): pets, keys and appointments in ordinary admin
    Exemplar(
        "Tuesday's no good now, I've been called in for an extra shift at work, can we rebook?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I'll be on holiday in Spain the week of the 14th, can we move my review?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Monday's appointment can go to someone else, I'm feeling loads better and my GP agrees.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can I cancel my slot? Work have put me on nights that week.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could the nurse ring my mobile, our landline is being switched over when we move.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "The key safe code has changed, I'll give the new one to the nurse at the visit.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "The warden holds a key to Mum's flat if the community nurse needs to get in.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "My neighbour's feeding my cat while I'm in for my knee op, can she visit on Sunday?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Is the drop-in OK with dogs? Mine's very calm.", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "I'm at my sister's wedding on Saturday so please don't book anything then.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can you take me out of the diary for August? We're travelling, I'll be in touch after.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "The pharmacy sorted my prescription, so you can ignore my earlier voicemail.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "The dog walker has a key, so if I'm out she'll let the assessor in.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Who feeds the fish in the day room at weekends when the activity coordinator is off?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I've changed my next of kin to my partner, can you update the records?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could you send the carer's assessment form to my new address please.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Where do I leave the key for the step-down flat when I hand it back on Friday?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Please move my Wednesday session, it clashes with my son's parents evening.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I'd like to stop the text reminders, I've put all the dates in my diary.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Any bike racks at the hub?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I've got my passport appointment that day, can we do Thursday instead?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can letters go to my work address until the builders finish at home?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "The cat's being neutered on the 9th so I'll be late for group.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I'll be away on a caravan holiday, so I'll miss the next two groups.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "My travel insurance wants a letter saying I'm fit to fly, can the psychiatrist write one?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I'm switching phone provider this week so I might be hard to reach for a day or two.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I've closed my old bank account, please pay my travel expenses into the new one.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Please let the team know I'm grateful for the flexibility with times.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "We've got a new puppy, can I bring her to my Friday visit?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Who do I give my Blue Badge renewal form to?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "I passed my probation at work, so can my sessions be after 5 now?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "My landlord's changing the locks, so the new key will be with the concierge.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could you cancel the home visit, I'll be at the hospital for my scan.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I won't be at group this week, it's half term and I've got the kids.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can I collect my medication on Saturday instead, as I'm away Friday?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I've deleted my old Hotmail, use my Gmail from now on please.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can I post the questionnaire back or do I hand it in?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Dad's solicitor needs a letter about his mental capacity, who do I ask?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can my sister keep my spare key while I'm on the ward and water the plants?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I've stopped my swim pass to save money, can the OT suggest free exercise groups?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Sorting my passwords after my phone was stolen, how do I update my login for the app?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "no appointment needed next week thanks, im feeling much better and back at work",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can the review be on video? I'm away visiting my daughter in Scotland.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    # ordinary (hard negatives): past crises clearly over
    Exemplar(
        "Three years ago I wrote goodbye letters. Today I read them and I'm so glad I'm here.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I once believed my family would manage better without me; now I see they need me.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I gave my dog to my mum during my breakdown. She's back with me now, and so am I.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Last year I didn't see a future. This year I've booked a holiday for next summer.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I spent the spring of 2022 in hospital. I'm now working and engaged.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "The hopeless feeling lifted about six months ago and hasn't come back.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "It's five years since my attempt. I marked it with a walk and a cake.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "These days the coping cards in my wallet stay unused, and that feels good.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I've been out of crisis for months and I'm looking forward to Christmas.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "When I first came in I had no plans beyond the day. Now there's a grandchild on the way.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I remember thinking I couldn't carry on; I'm so glad I asked for help. All good now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Since my last admission two years ago I've not felt unsafe once.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "i was in a really bad place in year 10 but im in sixth form now and doing fine",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Mum's depression was awful last winter, she's back to gardening and laughing.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I don't hear the voices any more and I'm doing a course at college.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My self-harm scars are from my teens, I'm 34 and fine, just asking about laser.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Once I'd have said I had no reason to get up. These days it's the dog and the allotment.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "The spell when I let myself go, not eating or bathing, is long over now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Coming up to a year without a crisis call. Feels good.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My husband's suicidal spell was two years ago. He's training for a marathon now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Just closing the loop: the dark patch I rang about in January has passed.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    # ordinary (hard negatives): small talk from feedback
    Exemplar("Bit drizzly out there today.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "What a scorcher, the fan in the waiting room was a blessing.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Roads were clear on the drive home, back in twenty minutes.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("Did anyone see the bake off final?", "ordinary", "small talk", "small talk"),
    Exemplar("The soup at lunch club was lovely today.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Found a parking space right by the door for once!", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "The snow's pretty but I'm staying in with a film.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "Watched three episodes of that detective show last night, I'm hooked.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Nice chat with Gemma on reception this morning.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "The new coffee machine in the foyer is great.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "Took the scenic route home past the reservoir, lovely sunset.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("Windy one today, nearly lost my umbrella.", "ordinary", "small talk", "small talk"),
    Exemplar("Cheers for the biscuits at group.", "ordinary", "small talk", "small talk"),
    Exemplar("the quiz on telly tonight is a good one", "ordinary", "small talk", "small talk"),
    Exemplar("Off to my niece's christening on Sunday.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Our cat has decided the radiator is her new home.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("My tomatoes finally went red.", "ordinary", "small talk", "small talk"),
    Exemplar("See you all next Tuesday, have a good week.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Long drive back from my mum's but the services did good chips.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("Anyone else think it's cold for June?", "ordinary", "small talk", "small talk"),
    Exemplar(
        "great bit of fish and chips on the seafront today", "ordinary", "small talk", "small talk"
    ),
    Exemplar("The robin is back on the bird feeder.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "The radio played all my favourite songs on the way home.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Sunny with a light breeze, perfect for getting the washing out.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("Watched the rugby with my dad, great game.", "ordinary", "small talk", "small talk"),
    # ordinary (hard negatives): complaints about parking, food and waiting
    Exemplar(
        "Car park barrier was broken and I had to reverse out into traffic.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The sandwiches in the vending machine were out of date.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Forty minutes in the waiting room with no update.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The parking machine only takes coins, who carries coins now?",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The TV in the lounge has been broken for weeks.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Tea on the ward is always lukewarm.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Nobody told me the clinic had moved to the other building.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The phone menu goes on far too long before you get a person.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My appointment was moved three times in a month, really frustrating.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The heating in the group room was off and we sat in our coats.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Couldn't hear the nurse calling names over the TV.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The text reminder had the wrong time on it.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Letters arrive after the appointment date, sort your post out.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "waiting area is tiny and theres nowhere to put a pushchair",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The bus from the estate only runs hourly so I missed my slot.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Vegetarian choices on the ward menu are poor.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Why do you need my date of birth three times on one form?",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Staff name badges are too small to read.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The lift was out of order and my appointment was on the second floor.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I was told the wait would be two weeks, it's been six.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    # ordinary (hard negatives): carers describing ordinary care routines
    Exemplar(
        "I help Dad wash and dress each morning, then we have breakfast and he does his crossword.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Mum's carers come at eight and six, they're lovely and always have a chat with her.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I manage my husband's tablets with a dosette box and tick them off on a chart.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I do my son's banking with him every Friday so he can learn to budget.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Gran's on a soft food diet now so I blend her meals, she enjoys the soups.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "We've got a key safe so the district nurse can let herself in, it's working well.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Mum and I go to the bank together and check her statements, she likes to stay in charge.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The hoist training helped, moving Dad to his chair is much smoother now.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I remind my wife to drink water through the day, she forgets in the heat.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My brother lives with us and I drive him to his depot injection every fortnight.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "We set alarms on my daughter's phone for her meds, she's managing them herself now.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Dad likes to be in bed by nine, we have a cuppa and I help him off with his stockings.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "As her carer I do Mum's nails and hair on Sundays, it's our time together.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My son needs prompting to shower, we've made a chart and he's doing well with it.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The day centre minibus picks Mum up at ten, she loves the singing.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I handle Dad's bills under his LPA and keep every receipt for my sister to see.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I'm a young carer for my mum, I help with the shopping and she helps with my homework.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "We moved Grandad's bed downstairs so he doesn't have to manage the stairs.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Mum's respite week at the care home went well, she made a friend.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My partner's medication review went fine, we asked about the weight gain.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Dad gets muddled in the evenings so we keep the lights on and play his old records.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My husband can't manage buttons any more so I do them up, he's fine with it and so am I.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    # ordinary (hard negatives): idioms with the same words
    Exemplar(
        "Kiss goodbye to the summer, it's pouring again.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "That's the last straw with my printer, I'm buying a new one.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "Last but not least, thanks to the receptionists.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I'm dying to know how the football ended.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "My washing machine has finally given up the ghost.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("My old car is on its last legs.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("Time to call it a day, I'm off home.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "I'd rather die than sing karaoke at the Christmas do.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("The queue at the pharmacy was never-ending.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm out like a light most nights now.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "The baby's teething is killing us, no sleep at all.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("This diet is the death of fun.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Gone are the days when a prescription took a week.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I'm so done with this heatwave.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "That cliffhanger was torture, roll on next week.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My laptop's dead and buried, the repair shop couldn't save it.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I've been burning the candle at both ends with revision.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The meeting went on forever, I thought I'd never get out.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The kids drove me up the wall in the car on the way here.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The cat's on borrowed time if she knocks one more mug off the table, haha.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "Don't hold your breath for the new car park, it's years off.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    # Added 2 December 2026 (evening), from the guidance named: kinds of risk the first
    # bank did not cover (eating disorders, perinatal, substance use, acute psychosis,
    # child physical abuse, self-neglect) and their ordinary counterparts.
    Exemplar(
        "havent eaten anything for four days and i keep blacking out when i stand up",
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        (
            "My heart keeps racing and skipping and I've only had water this week. I don't "
            "want anyone to make me eat."
        ),
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        "im purging after everything, even water now, my chest hurts",
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        (
            "My daughter weighs less every week and fainted at school today, she says she'd "
            "rather die than gain"
        ),
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        ("I've been making myself sick five or six times a day and my hands have started cramping"),
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        "can't stop bingeing and then taking the laxatives, took the whole box tonight",
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        "honestly i'd rather disappear than eat another meal, my body is just the enemy",
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        (
            "the dietitian discharged me but I'm back to nothing but black coffee and I'm so "
            "dizzy I fell on the stairs"
        ),
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        (
            "my son is hiding food and running at night, he's grey and cold and won't let us "
            "call anyone"
        ),
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        (
            "I weighed myself again and I've decided I'm not eating until I've lost another "
            "stone, whatever it takes"
        ),
        "risk_to_life",
        "eating disorder in danger",
        "NICE NG69",
    ),
    Exemplar(
        (
            "Chest pains and I can barely walk up the stairs, but I'm not going to A&E, "
            "they'll only feed me"
        ),
        "risk_to_life",
        "eating disorder in danger",
        "RCPsych MEED",
    ),
    Exemplar(
        "I've stopped drinking fluids too now because even water makes me feel huge",
        "risk_to_life",
        "eating disorder in danger",
        "RCPsych MEED",
    ),
    Exemplar(
        (
            "My partner is so thin she can't get out of the bath on her own and she's "
            "refusing the doctor"
        ),
        "risk_to_life",
        "eating disorder in danger",
        "RCPsych MEED",
    ),
    Exemplar(
        "since the baby came i keep picturing hurting her and i'm scared i'll actually do it",
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        "I don't feel anything for my baby and I think they'd all be better off if I just went",
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        ("new mum here, haven't slept in days, the voices say the baby isn't mine and needs to go"),
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        (
            "my wife had our son three weeks ago and tonight she said she wants to walk into "
            "the sea with him"
        ),
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        "I'm 34 weeks pregnant and I've stopped caring whether either of us makes it",
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        (
            "i had to put the baby down and walk away because i wanted to shake him so hard, "
            "i'm terrified of myself"
        ),
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        (
            "my sister gave birth last month and she's talking about the baby being evil, she"
            " won't let anyone near them"
        ),
        "risk_to_life",
        "perinatal risk",
        "NICE CG192",
    ),
    Exemplar(
        "drinking vodka on top of my tablets and i honestly dont care if i wake up",
        "risk_to_life",
        "substance use with risk",
        "NICE CG115",
    ),
    Exemplar(
        "Been using alone all weekend, doubled up tonight, if it takes me it takes me",
        "risk_to_life",
        "substance use with risk",
        "NICE CG115",
    ),
    Exemplar(
        "I've had two bottles of wine and I'm looking at the pills in the cupboard",
        "risk_to_life",
        "substance use with risk",
        "NICE CG115",
    ),
    Exemplar(
        "my brother is mixing heroin and benzos in his room and says he's done with everything",
        "risk_to_life",
        "substance use with risk",
        "NICE CG115",
    ),
    Exemplar(
        (
            "can't stop drinking, can't stop shaking, had a fit this morning and I just want "
            "it all to stop"
        ),
        "risk_to_life",
        "substance use with risk",
        "NICE CG115",
    ),
    Exemplar(
        "mixed everything i had left, feel really weird, don't tell my mum",
        "risk_to_life",
        "substance use with risk",
        "NICE CG115",
    ),
    Exemplar(
        (
            "they're coming through the walls again tonight and I've barricaded the door, "
            "I've got the knife ready"
        ),
        "risk_to_life",
        "acute psychosis, unsafe",
        "NICE CG178",
    ),
    Exemplar(
        "the people on the tv are telling me i have to be punished and i think they're right",
        "risk_to_life",
        "acute psychosis, unsafe",
        "NICE CG178",
    ),
    Exemplar(
        (
            "my son hasn't slept for a week, he thinks he's being poisoned and ran into the "
            "road twice today"
        ),
        "risk_to_life",
        "acute psychosis, unsafe",
        "NICE CG178",
    ),
    Exemplar(
        "I can hear them planning to take me, I need to get out through the window",
        "risk_to_life",
        "acute psychosis, unsafe",
        "NICE CG178",
    ),
    Exemplar(
        "everything is a sign, the numbers say tonight is when I have to go",
        "risk_to_life",
        "acute psychosis, unsafe",
        "NICE CG178",
    ),
    Exemplar(
        (
            "Mum thinks the neighbours are gassing her and has turned all the hobs on to "
            "'fight back'"
        ),
        "risk_to_life",
        "acute psychosis, unsafe",
        "NICE CG178",
    ),
    Exemplar(
        "my dad hits me with his belt when I get things wrong and I have marks on my back",
        "safeguarding",
        "child physical abuse",
        "NSPCC physical",
    ),
    Exemplar(
        (
            "I'm a teaching assistant; a child in my class has fingertip bruises on both arms"
            " again and flinches if you lift your hand"
        ),
        "safeguarding",
        "child physical abuse",
        "NSPCC physical",
    ),
    Exemplar(
        "mum's boyfriend threw me down the stairs and said if i tell anyone i'll get it worse",
        "safeguarding",
        "child physical abuse",
        "NSPCC physical",
    ),
    Exemplar(
        (
            "the baby next door screams every night and then goes quiet, and the mum has "
            "burns on his legs"
        ),
        "safeguarding",
        "child physical abuse",
        "NSPCC physical",
    ),
    Exemplar(
        "my step mum pulls my hair and locks me in the cupboard when she's angry",
        "safeguarding",
        "child physical abuse",
        "NSPCC physical",
    ),
    Exemplar(
        (
            "my nephew came to stay with a black eye and a broken finger and the story "
            "changes every time"
        ),
        "safeguarding",
        "child physical abuse",
        "NSPCC physical",
    ),
    Exemplar(
        (
            "my grandad hasn't eaten properly in weeks, there's no heating and he's sleeping "
            "in his chair in his coat"
        ),
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        (
            "the flat is stacked to the ceiling, he can't reach the cooker or the toilet and "
            "there's a gas smell"
        ),
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        (
            "Mum has stopped taking her insulin and won't let the nurses in, she says there's"
            " no point any more"
        ),
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "my best mate has just texted me goodbye and isn't answering her phone",
        "risk_to_life",
        "report by another person",
        "Samaritans",
    ),
    Exemplar(
        (
            "I'm worried about my dad, he's given away his tools and his dog and keeps saying"
            " he's tired"
        ),
        "risk_to_life",
        "report by another person",
        "Samaritans",
    ),
    Exemplar(
        "our daughter left a note on her bed saying sorry and she's not in her room",
        "risk_to_life",
        "report by another person",
        "Samaritans",
    ),
    Exemplar(
        (
            "my flatmate locked himself in the bathroom an hour ago and won't answer, he's "
            "been saying he can't go on"
        ),
        "risk_to_life",
        "report by another person",
        "Samaritans",
    ),
    Exemplar(
        (
            "The eating disorder group on Tuesdays has been brilliant, I've learnt so much "
            "about meal planning"
        ),
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "I was starving after the walk from the car park, a cafe near reception would be great",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "Glad the dietitian explained the refeeding plan so clearly to my daughter and to us",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "Can the eating disorders leaflet be translated into Polish please?",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        (
            "Recovered from anorexia ten years ago and I'd love to help with your lived "
            "experience panel"
        ),
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "The new mums group was lovely and the health visitor really listened",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "I drank far too much at my sister's wedding, hanging today, but a great day",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "Thanks for the talk on alcohol and medication, very useful for carers",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "My son's psychosis is well managed now and he's back at college",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "Please can the perinatal team ring me to rearrange my appointment?",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "Bruised my arm on the door frame in your waiting room, the corner needs padding",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
    Exemplar(
        "The baby kept us up all night but we're managing fine with the support",
        "ordinary",
        "service talk about eating disorders",
        "NHS FFT",
    ),
)
