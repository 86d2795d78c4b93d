"""The shapes officers type, one row per class: what must go, and a near miss that must survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from asbhub.pii.engine import RedactionEngine

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pii"
GAP = pytest.mark.xfail(strict=True, reason="a known gap in the engine (see the shapes set)")

# (class, text, gone, kept)
SHAPES = [
    (
        "a value said again: its false start before it and its correction after it go with it "
        "('thirty-f... thirty-four Marsden Road', 'four one six... no, six one four', '63 "
        "corr. 36'); a number before an ellipsis that does not start the value stays",
        "999 02:14. C: I'm at, um, thirty-f... thirty-four Marsden Road, postcode HX1... HX1 "
        "4PQ. Number? oh seven seven double oh, nine hundred, four one six... no, six one "
        "four. Her mobile 07700 900 63 corr. 36. She is 34... 07700 900 818 is the "
        "landlord's.",
        ["thirty-f", "HX1...", "four one six", "six one four", "corr. 36"],
        ["She is 34...", "999 02:14"],
    ),
    (
        "a postcode, a street, a date of birth, a phone, a label or a code run into the word "
        "or label beside it, as exports leave them ('RoadWF1 1HQtel', 'HOLROYD12/04/1986', "
        "'498213765DOB', 'HARDING07700900587', 'abuseOfficer:Gary', 'LeePNC06'); a road's "
        "junction and a collar number stay",
        "Export: 14 Kirkgate RoadWF1 1HQtel 07700 900 271 | Tenant: Dean HOLROYD12/04/1986 | "
        "passport 498213765DOB 03/03/1990 | prev Stapleton RoadBS5 0QB | M62 J26 by PC 2291. "
        "AA mother Jodie HARDING07700900587, caseworker abuseOfficer:Gary Thorne, nominal "
        "GRIFFITHS LeePNC06/228814R.",
        [
            "WF1 1HQ",
            "14 Kirkgate Road",
            "12/04/1986",
            "03/03/1990",
            "BS5 0QB",
            "Jodie HARDING",
            "07700900587",
            "Gary Thorne",
            "GRIFFITHS Lee",
        ],
        ["M62 J26", "PC 2291"],
    ),
    (
        "initials in an attendance list, several before one bracket ('AR, DMcC & FH (Police "
        "Scotland)'), go wherever they stand in the note; a title the model took alone "
        "('Tenant Mr') and the bodies in brackets stay",
        "Present: JB (Housing Officer), AR, DMcC & FH (Police Scotland). Tenant Mr Fred Walsh "
        "(68) attended. JB and DMcC to visit on Monday.",
        ["JB", "DMcC", "FH", "AR,", "Fred Walsh"],
        ["Tenant Mr", "Housing Officer", "Police Scotland"],
    ),
    (
        "a park or a street named like a person where the next word is its use ('Victoria "
        "Park patrols', 'Lister Park PSPO') or where it is the second of two streets; a "
        "locality no list knows by the place near it or before its town; a day and a month "
        "before a place",
        "Victoria Park patrols continue; Lister Park PSPO review 14/03, Caia Park panel. "
        "Quads between Mill Road and Bradley Lane, Bradley, nr Bilston. IP Jo Bradley of 9 "
        "Chester Road, Bradley, Huddersfield reports it.",
        ["Jo Bradley", "9 Chester Road"],
        [
            "Victoria Park patrols",
            "Lister Park PSPO",
            "14/03, Caia Park",
            "Bradley Lane, Bradley, nr Bilston",
            ", Bradley, Huddersfield reports",
        ],
    ),
    (
        "people a monument or a thing is named for ('the Sir Alf Ramsey and Bobby Robson "
        "statues', 'the Jane Austen festival', 'the Howard Winstone boxing club') and a shop "
        "named like a person ('Lily Nails', 'Ruby Barbers'); the tenant of the same name and "
        "'Rose Barber' the person still go",
        "Fans met by the Sir Alf Ramsey and Bobby Robson statues; Mr Darren Ramsey complains. "
        "Crowds from the Jane Austen festival. Rhys Cole joins the Howard Winstone boxing "
        "club. Owner of Lily Nails and Ruby Barbers reports it; spoke to Rose Barber.",
        ["Darren Ramsey", "Rhys Cole", "Rose Barber"],
        [
            "Sir Alf Ramsey and Bobby Robson statues",
            "Jane Austen festival",
            "Howard Winstone boxing club",
            "Lily Nails",
            "Ruby Barbers",
        ],
    ),
    (
        "a practice or a firm named for its titled owner ('Dr Bhatt & Partners', 'Mr Patel &"
        " Sons') stays; the doctor who signs goes",
        "GP: Dr Bhatt & Partners, Luton. Shop: Mr Patel & Sons. Yours faithfully, Dr F. Iqbal.",
        ["F. Iqbal"],
        ["Dr Bhatt & Partners", "Mr Patel & Sons"],
    ),
    (
        'in a note about graffiti a quoted word in capitals is a tag (\'"HOPE" and "LUV U NAN"'
        " painted', '\"WILL\" in blue'); a nickname after its cue ('known as \"TINY\"') still"
        " goes",
        'Graffiti: "HOPE" and "LUV U NAN" painted on the wall; MAGIK and "WILL" in blue. Done by'
        ' a lad known as "TINY".',
        ["TINY"],
        ['"HOPE"', "LUV U NAN", '"WILL"'],
    ),
    (
        "a name signed over its job's title ('Yours sincerely, Rachel Thorne Neighbourhood"
        " Housing Officer', 'regards kate hindle housing officer', 'Signed G R Pugh.') goes; a"
        " school before its officer ('Denny High school liaison officer') and 'an ABC signed"
        " Jan' stay",
        "Denny High school liaison officer informed; an ABC signed Jan. Yours sincerely, Rachel"
        " Thorne Neighbourhood Housing Officer. Signed G R Pugh. regards kate hindle housing"
        " officer, leeds",
        ["Rachel Thorne", "G R Pugh", "kate hindle"],
        ["Denny High", "signed Jan"],
    ),
    (
        "initials defined for a named person in words, after the name or before it ('hereafter"
        " DC', 'Jane Colley JC (St Leger Homes)', 'DR (Dev Raman)', '(SRo)', 'BROOKES, Aaron"
        " (AB)', lower-case '(tw)') go wherever they recur; initials that are a word ('(to)')"
        " stay",
        "Chronology (subject Darren Coulthard, hereafter DC): DC warned. Present: Jane Colley JC"
        " (St Leger Homes). JC to serve. DR (Dev Raman) takes the chair; DR to report. Ste"
        " Rowntree (SRo) of Thirteen: SRo to visit. Subject: BROOKES, Aaron (AB); AB reports."
        " re tyrone wilkes (tw) and tom owens (to): tw is on an order, went to court.",
        ["DC warned", "JC to serve", "DR to report", "SRo to visit", "AB reports", "tw is"],
        ["went to court"],
    ),
    (
        "a prefix plate beside its vehicle's make or an automatic reader's hit ('Rover 25 X614"
        " FLN', 'Y419 VGP Vauxhall Astra', 'ANPR … P927 MWE') goes; a make's model written solid"
        " or with a word after it ('Honda CRF250R', 'Yamaha YZ85 kid') stays",
        "Abandoned: green Rover 25 X614 FLN, no tax. Pound: Y419 VGP Vauxhall Astra released."
        " ANPR B6265 Skipton - P927 MWE flagged. Van held a Honda CRF250R; the Yamaha YZ85 kid"
        " rode off.",
        ["X614 FLN", "Y419 VGP", "P927 MWE"],
        ["Honda CRF250R", "Yamaha YZ85 kid", "B6265"],
    ),
    (
        "a vehicle identification number needs no cue ('WF0AXXGCDA6K47725'); the model and a"
        " door supervisor's SIA word stay, the licence number after it goes and is no plate",
        "Burnt out Ford Focus ST, chassis stamped WF0AXXGCDA6K47725. Door supervisor Kieran"
        " (SIA 1013 4471 2290 5518) refused entry.",
        ["WF0AXXGCDA6K47725", "1013 4471 2290 5518"],
        ["Ford Focus ST", "(SIA "],
    ),
    (
        "a pet's name beside its kind ('his dog Rocco', '(Luna, husky)', 'Bella (next doors"
        " cat', 'called Tyson, a staffy') stays; the people go",
        "Darren Platt let his dog Rocco foul my step. Flat 12 dog (Luna, husky) left alone."
        " Bella (next doors cat) was fine. Its called Tyson, a staffy. My grandson Oscar Pell"
        " is 5.",
        ["Darren Platt", "Oscar Pell"],
        ["dog Rocco", "(Luna, husky)", "Bella (next", "Tyson, a staffy"],
    ),
    (
        "a street nickname's first word ('Big Mick', '(Big Steve)', '\"wee Shug\"') goes with the"
        " name; 'the Big Issue' stays",
        'Her boyfriend is Big Mick. The guy in 7 (Big Steve) deals. She names "Tam" and "wee'
        ' Shug". Mick sells the Big Issue.',
        ["is Big", "(Big", '"wee'],
        ["the Big Issue"],
    ),
    (
        "another spelling offered after a name ('Mr Hughes? Hewes?', 'Jodie or Jody') goes; a"
        " town offered after a name ('Dave Smith or Leeds police') stays",
        "Man in flat 6 – Mr Hughes? Hewes? – plays guitar. I think she is called Jodie or Jody."
        " Ask Dave Smith or Leeds police.",
        ["Hewes", "Jody"],
        ["Leeds police"],
    ),
    (
        "honorifics of other languages ('Pani', 'Bibi', 'Bhai', 'Aunty') stay outside the name,"
        " and words of other languages quoted or said ('\"Dziękuję\"', 'Wallahi') stay",
        'Complainant Pani Halina Zając said "Dziękuję". Bibi Rasheeda Begum and Bhai Harjinder'
        " Singh attended. Aunty said Wallahi it was them.",
        ["Halina Zając", "Rasheeda Begum", "Harjinder Singh"],
        ["Pani", "Bibi", "Bhai", "Aunty", "Dziękuję", "Wallahi"],
    ),
    (
        "a vehicle's make, trim and a drink taken for names ('a pink Xiaomi', 'Grey Honda PCX',"
        " 'Polo GTI', 'Smirnoff', 'Baileys', 'the RVI') stay; the rider goes",
        "Kids on a pink Xiaomi M365 and a Grey Honda PCX 125, a VW Polo GTI behind. Rider Kacey"
        " Rowlands had Smirnoff and Baileys, taken to the RVI.",
        ["Kacey Rowlands"],
        ["Xiaomi", "Grey Honda PCX", "GTI", "Smirnoff", "Baileys", "RVI"],
    ),
    (
        "a surname after a title in lower case with an Irish particle and its accents ('mrs ó"
        " ríordáin') or its possessive ('mrs eileen price's') goes whole; the word 'price'"
        " elsewhere stays",
        "caller mrs ó ríordáin says mrs eileen price's diary is wrong. the price of the fence"
        " was £40.",
        ["ó ríordáin", "eileen price's"],
        ["the price of the fence"],
    ),
    (
        "a flat's word and number before an address found without it ('Flat 2, 19 Mount"
        " Pleasant') go with it; a flat named alone in the same note stays",
        "Our premises is residential - Flat 2, 19 Mount Pleasant, Redruth TR15 1AD. Neighbours"
        " at Flat 7 and Flat 9 complained.",
        ["Flat 2,", "19 Mount Pleasant"],
        ["Redruth", "Flat 7 and Flat 9"],
    ),
    (
        "a surname found again as a street's or a church's last word after another word"
        " ('Bill Lane' … 'Wood Lane', 'Penny Church' … \"St Mary's Church\") or before a"
        " place's word ('Isla Murray' … 'Murray Place') stays; the people go",
        "Caller Bill Lane of 19 Wood Lane reports bins set alight. Wood Lane is off Mill Road."
        " Sgt Penny Church says St Mary's Church was hit too. Complaint also from Isla Ruadh"
        " Murray, Murray Place, Perth.",
        ["Bill Lane", "Penny Church", "Isla Ruadh Murray"],
        ["Wood Lane is off", "St Mary's Church", "Murray Place"],
    ),
    (
        "an Edinburgh or Glasgow flat by its floor and door ('Flat 3F1', 'Flat G/1') and an"
        " Irish street word ('Bóthar', 'Sráid', 'Páirc') make an address; the town stays",
        "Noise from Flat 3F1, 14 Warrender Park Road, Edinburgh. Complainant at Flat G/1, 88"
        " Menzies Road, Torry. Caller lives at 31 Bóthar na Carraige, Newry; her sister at 6"
        " Páirc an Locha, Omagh, and their mother at 12 BÓTHAR NA hABHANN, Strabane.",
        [
            "3F1, 14 Warrender Park Road",
            "G/1, 88 Menzies Road",
            "31 Bóthar na Carraige",
            "6 Páirc an Locha",
            "12 BÓTHAR NA hABHANN",
        ],
        ["Edinburgh", "Torry", "Newry", "Omagh", "Strabane"],
    ),
    (
        "towns of Scotland, Wales and Northern Ireland the town list left out ('Tobermory',"
        " 'Fort William', 'Derry', 'Y Barri', 'Sgeti'), alone or in a quoted list, stay; a"
        " quoted nickname named like a block ('\"Kenley\"') still goes",
        'Visits planned to "Campbeltown", "Tobermory" and "Fort William". Youths from Derry and'
        ' Y Barri seen in Sgeti. One lad she knows as "Kenley", his real name, not the block;'
        " caller Ailsa Baird.",
        ['Kenley",', "Ailsa Baird"],
        ["Campbeltown", "Tobermory", "Fort William", "Derry", "Y Barri", "Sgeti"],
    ),
    (
        "a list's item numbers before days and months ('1. 01/10 - …') are no date of birth; a"
        " whole date long past still goes",
        "Breach log: 1. 01/10 - vans still on the verge. 2. 15/10 - no change. 3. 29/10 -"
        " cleared. Occupier Nuala Breen, 30/1/57, served.",
        ["30/1/57", "Nuala Breen"],
        ["1. 01/10", "2. 15/10", "3. 29/10"],
    ),
    (
        "a county court's claim number needs no cue ('in Bray (K01LU905)'); the court's name"
        " and the statute stay",
        "Please chase Luton County Court for the sealed order in Bray (K01LU905) under Part 4"
        " ASBCPA 2014.",
        ["K01LU905"],
        ["Luton County Court", "Part 4"],
    ),
    (
        "a count's 'x' is no platform: '3 x IC1 youths' stays; a handle after 'on x' goes",
        "3 x IC1 youths on Sankey Street. One posts on x as jaydog_12.",
        ["jaydog_12"],
        ["3 x IC1 youths"],
    ),
    (
        "a first name and a surname with an age after them ('Poppy Marsden, 11,') are a person"
        " whatever the words are; a college with a count after it stays",
        "Statement from Poppy Marsden, 11, Year 6, with mum. Fires in the field behind Sir John"
        " Deane's College (2).",
        ["Poppy Marsden"],
        ["Sir John Deane's College"],
    ),
    (
        "a street nickname of 'Lil' and a letter or a name ('Lil T', 'lil t', 'Lil Jay') goes;"
        " 'a lil bit' stays",
        "bruv lil t got mad for saying that, a lil bit much. Lil T and Lil Jay were on the frame.",
        ["lil t got", "Lil T and", "Lil Jay"],
        ["a lil bit"],
    ),
    (
        "a verb after a name's cue ('real name checked') is no name, and a quoted shop"
        " ('\"Frank's Fish Bar\"') no nickname; the names go",
        "Doorman gave name Earl Grey – real name checked, Earl Anthony Grey. The shop \"Frank's"
        ' Fish Bar" on Sandy Road was targeted; owner Mehmet Aksoy.',
        ["Earl Anthony Grey", "Mehmet Aksoy"],
        ["name checked", "Frank's Fish Bar"],
    ),
    (
        "months joined by a dash ('Jan-Mar 2025') and a place before its tram stop ('Clifton"
        " tram stop') stay; the subject goes",
        "Noise diary Jan-Mar 2025. CBO subject Marlon Fry seen at Clifton tram stop.",
        ["Marlon Fry"],
        ["Jan-Mar 2025", "Clifton tram stop"],
    ),
    (
        "schools named for people, by their kind, dress or church title ('Simon Langton Girls'"
        " Grammar uniform', 'Carlton Bolling blazers', 'Grace Mary primaries', 'from Bishop"
        " Challoner', \"School: Archbishop Tenison's\") and a school's role ('Deputy Head')"
        " stay; the pupil and 'Bishop Jones' go",
        "Pupils in Simon Langton Girls' Grammar uniform and kids in Carlton Bolling blazers. St"
        " Aidan's & Grace Mary primaries. Kids from Bishop Challoner again. School: Archbishop"
        " Tenison's. Mrs Patel (Deputy Head). Pupil Arjun Bhatt. Bishop Jones said he saw it.",
        ["Arjun Bhatt", "Jones said"],
        [
            "Simon Langton",
            "Carlton Bolling",
            "Grace Mary",
            "Bishop Challoner",
            "Tenison's",
            "Deputy Head",
        ],
    ),
    (
        "a referral form's 'name of child:' label and a modal 'Will be' after a comma stay; the"
        " child's name goes",
        "name of child: ruby-leigh hamer / school: st thomas more. Agreed: letters home, Will be"
        " reviewed at half term.",
        ["ruby-leigh hamer"],
        ["name of child", "Will be reviewed"],
    ),
    (
        "a ward's code after 'Ward code' and bins by their numbers ('Bin numbers B-0417') stay;"
        " the crime reference goes",
        "Ward code E05013221 (Chester Central). Bin numbers B-0417 melted. Crime ref 24/118812.",
        ["24/118812"],
        ["E05013221", "B-0417"],
    ),
    (
        "Scottish and Welsh words the model took for names ('Hogmanay', 'peerie', 'Glaswegian',"
        " 'Bannau Brycheiniog', a statement's 'paras') stay; the caller goes",
        "Glaswegian caller Morven Reid says the peerie boys were out at Hogmanay. Walkers"
        " lost in Bannau Brycheiniog. Power of arrest on paras 2 and 4.",
        ["Morven Reid"],
        ["Glaswegian", "peerie", "Hogmanay", "Bannau Brycheiniog", "paras"],
    ),
    (
        "a question in quotes in a transcript ('PC: \"Surname?\"') is no nickname, and a"
        " goodbye ('thanks bye', 'Ta-ra') no name; the name given goes",
        'PC: "Name?" MALE: "Jordan Cleary." PC: "Surname?" MALE: "Cleary." CALLER: no worries'
        " thanks bye. OP: Ta-ra.",
        ["Jordan Cleary"],
        ['"Name?"', '"Surname?"', "thanks bye", "Ta-ra"],
    ),
    (
        "a character given as a false name ('\"Mickey Mouse\"') and the PNC's warning signals"
        " after their word ('warning markers VI and DR') stay; the real name goes",
        'Male gave his name as "Mickey Mouse", then said it is Connor Blythe. Warning markers VI'
        " and DR.",
        ["Connor Blythe"],
        ["Mickey Mouse", "markers VI and DR"],
    ),
    (
        "a firm's registered number in its footer ('Registered in England and Wales no."
        " OC381204', 'registered no. 08203717') stays; a crime reference goes",
        "Registered in England and Wales no. OC381204. The BID is a company limited by"
        " guarantee, registered no. 08203717. Crime ref 24/041177.",
        ["24/041177"],
        ["OC381204", "08203717"],
    ),
    (
        "a flat's number alone places a neighbour in a block ('neighbours at Flat 2 and Flat 9',"
        " 'noise from flat 0/2') and stays; given as where someone lives ('I'm at flat 5 same"
        " building') it goes",
        "Tenant Aaron Whitlock admitted the parties; neighbours at Flat 2 and Flat 9 supportive,"
        " noise from flat 0/2 too. Reporter: im at flat 5 same building.",
        ["Aaron Whitlock", "flat 5"],
        ["Flat 2", "Flat 9", "flat 0/2"],
    ),
    (
        "a relation as a family calls them ('Carer: gran', 'Mam rang', 'Taid said no', 'Hooyo is"
        " scared') is no name; the carer named goes",
        "Kinship care review. Carer: gran, Mrs Moira Lindsay. Mam rang twice. Taid said no."
        " Hooyo is scared of the lads.",
        ["Moira Lindsay"],
        ["Carer: gran", "Mam rang", "Taid said", "Hooyo is"],
    ),
    (
        "a common-word first name used as a verb after a bar, a quote or a semicolon ('| Mark as"
        " urgent?', '\"Mark my words', '; Mark as closed') stays; a Mark named goes",
        'Graffiti removed; Mark as closed. | Mark as urgent? No | PC: "Mark my words, lads."'
        " Caller Dean Ellery.",
        ["Ellery"],
        ["Mark as closed", "Mark as urgent", "Mark my words"],
    ),
    (
        "in a radio transcript the speakers' labels between two quoted turns ('…87.\" CONTROL:"
        " \"Valid…') are no nickname, 'Roger' opening a turn is 'received' and 'OSCAR TWO:' a"
        " call sign; the name checked goes",
        'CONTROL: "Go ahead." PC: "Kyle Hargreaves, date of birth 14/08/87." CONTROL: "Licence'
        ' valid." PC: "Roger, thanks." OSCAR TWO: Roger. OSCAR TWO: on scene.',
        ["Kyle Hargreaves", "14/08/87"],
        ['CONTROL: "Licence', 'PC: "Roger', "OSCAR TWO: Roger"],
    ),
    (
        "a number before a past verb and a place is a call sign's ('Romeo Charlie 14 attended Fir"
        " Vale'), not a house; the address given goes",
        "Romeo Charlie 14 attended Fir Vale. Caller lives at 22 Skinner Lane.",
        ["22 Skinner Lane"],
        ["14 attended Fir Vale"],
    ),
    (
        "an ordinal in capitals ('2ND BIKE', '3RD TIME') is a count, not a plate; the plate goes",
        "ONE BIKE RED HONDA NO PLATES, 2ND BIKE YF67 KZB. 3RD TIME THIS WEEK.",
        ["YF67 KZB"],
        ["2ND BIKE", "3RD TIME"],
    ),
    (
        "a make and its model's number after a plate in a list ('SA71 EOU;BMW 330e') is no second"
        " plate; the plate goes",
        "21/09/2024;23:55;Beach Boulevard;SA71 EOU;BMW 330e;n/k;Keeper letter",
        ["SA71 EOU"],
        ["BMW 330e"],
    ),
    (
        "names already taken out ('\"Child A\"', 'Youth 2'), a hashtag of places and words"
        " ('#SouthShields') and a role's word ('Complainer', 'Galwr') stay; the names go",
        'Names removed: "Child A" and "Child B". Posted under #SouthShields by Kelsey Marr.'
        " Complainer states noise. Galwr: Dafydd Prosser.",
        ["Kelsey Marr", "Dafydd Prosser"],
        ['"Child A"', '"Child B"', "#SouthShields", "Complainer", "Galwr"],
    ),
    (
        "a ward's statistical code later in its list ('by ward - W05001019 (Butetown) 41,"
        " W05001022 (Cathays) 63') is no passport; a passport after its cue goes",
        "ASB reports by ward - W05001019 (Butetown) 41, W05001022 (Cathays) 63. Passport"
        " 533401872 seized.",
        ["533401872"],
        ["W05001019", "W05001022"],
    ),
    (
        "a planning application's number ('24/04117/FUL') and a solicitor's document exchange"
        " ('DX 718200') stay; a crime reference goes",
        "Planning application 24/04117/FUL refused. Reply to DX 718200 Manchester 3. Crime ref"
        " 24/041177 noted.",
        ["24/041177"],
        ["24/04117/FUL", "DX 718200"],
    ),
    (
        "OCR's five for an S and zero for an O in a name ('5HAUNA', 'R0BERT5', '0'HARE') and its"
        " l for a capital I ('DANlEL') go; texting's 'sum1' and a flat's 'Flat5' stay",
        "Suspects: 5HAUNA TREMLETT, DANlEL R0BERT5 and MARK 0'HARE. sum1 saw them by Flat5.",
        ["5HAUNA", "DANlEL", "R0BERT5", "0'HARE"],
        ["sum1", "Flat5"],
    ),
    (
        "an Irish O' surname is known with its apostrophe or without ('MARK O'HARE', 'Oneill');"
        " the clock's 'o'clock' stays",
        "Suspects MARK O'HARE and Jo Bloggs seen at 7 o'clock.",
        ["O'HARE"],
        ["o'clock"],
    ),
    (
        "a contractor named for its owner, a trade's word last ('Milne Joinery fitted',"
        " 'McCluskey Glass quoted', 'Carrington Glazing'), stays; the tenant goes",
        "Door boarded by Carrington Glazing, McCluskey Glass quoted, Milne Joinery fitted the"
        " new one for tenant Bryony Hale.",
        ["Bryony Hale"],
        ["Carrington Glazing", "McCluskey Glass", "Milne Joinery"],
    ),
    (
        "an address said with letters and a number after the name ('becky s eighty eight at"
        " outlook dot example') and an extension said after a comma go; the time stays",
        "email me at becky s eighty eight at outlook dot example, or ring 01632 960 871,"
        " extension two one four, after ten at night",
        ["becky s eighty eight", "01632 960 871", "extension two one four"],
        ["after ten at night"],
    ),
    (
        "a name spelled in the phonetic alphabet, four letters or more ('oscar romeo lima alpha',"
        " 'B for bravo, E echo, B bravo, B bravo'), goes; a call sign of three stays",
        "that's oscar romeo lima alpha, and Rhys Bebb, B for bravo, E echo, B bravo, B bravo."
        " Golf Echo Hotel to control.",
        ["oscar romeo lima alpha", "bravo, E echo", "Bebb"],
        ["Golf Echo Hotel to control"],
    ),
    (
        "a postcode spelled a character at a time with its digits said, joined by hyphens or"
        " spaces ('B-S-five, six-P-H', 'b h eight eight u a'), goes; words and letters stay",
        "CALLER: Stapleton Road, B-S-five, six-P-H. i live by b h eight eight u a and she has"
        " one a b c.",
        ["B-S-five, six-P-H", "b h eight eight u a"],
        ["one a b c"],
    ),
    (
        "a house's number said with its letter, answering the question in a transcript ('OP:"
        " Address? CALLER: twelve B, Jubilee Terrace'), goes; the street alone stays",
        "OP: Address? CALLER: twelve B, Jubilee Terrace. Fighting at the end of Jubilee Terrace.",
        ["twelve B, Jubilee Terrace"],
        ["end of Jubilee Terrace"],
    ),
    (
        "a table parted by tabs whose rows are parted by two bars ('Forename<tab>Surname ||"
        " Kacey<tab>Hunt || …') gives each cell under a name's column as a name; a school's"
        " cell stays",
        "Referrals || Forename\tSurname\tSchool\tYear || Kacey\tHunt\tOrmiston Academy\t9 ||"
        " Brandon\tLane\tGrange Park\t10",
        ["Kacey", "Hunt", "Brandon", "\tLane"],
        ["Ormiston Academy", "Grange Park", "Forename\tSurname"],
    ),
    (
        "a group's or a chat's name in quotes after its word ('WhatsApp group \"Beaumont Estate"
        " Watch\"', \"posted in group 'Gorton Community Noticeboard'\") stays; the person who"
        " posted goes",
        'Export of WhatsApp group "Beaumont Estate Watch"; post in group \'Gorton Community'
        " Noticeboard' by Lisa-Marie Doyle at 19:48.",
        ["Lisa-Marie Doyle"],
        ["Beaumont Estate Watch", "Gorton Community Noticeboard"],
    ),
    (
        "a shop named for its owner, a trade's word after the surname ('Patel News', \"Sandhu's"
        ' Cash & Carry", "Lawton\'s Hardware"), stays; the owner named as a person goes',
        "Owner Mr Hitesh Patel (Patel News, Belgrave Road); youths behind Sandhu's Cash & Carry"
        " and Lawton's Hardware.",
        ["Hitesh Patel"],
        ["Patel News", "Sandhu's Cash & Carry", "Lawton's Hardware"],
    ),
    (
        "a vehicle's registered keeper after 'RK' or 'r/k' ('RK DARNELL ASHWORTH') goes; the"
        " insurer's word stays",
        "PNC: VW GOLF BLACK NO INSURANCE - RK DARNELL ASHWORTH OF LEEDS. r/k Mrs Joan Pike.",
        ["DARNELL ASHWORTH", "Joan Pike"],
        ["NO INSURANCE", "OF LEEDS"],
    ),
    (
        "in a camera's table where a plate was found, older plates alone in their cells ('|"
        " HBN 492V |', '| N904 DCL |') go; the camera's code and times stay",
        "ANPR hits 12/05: | KX66JBL | 22:41 | cam HU-07 | | HBN 492V | 22:43 | cam HU-07 | |"
        " N904 DCL | 22:58 | cam HU-11 |",
        ["KX66JBL", "HBN 492V", "N904 DCL"],
        ["cam HU-07", "22:43", "cam HU-11"],
    ),
    (
        "a body's letters owning an action in minutes ('ACTION: BVH to serve…') stay where the"
        " note uses them for a body elsewhere ('Housing Officer, BVH', 'BVH Tenancy Team',"
        " 'Calder Valley Council' … 'CVC'); a named person's initials beside them ('KM' for"
        " Karen Moss) go",
        "Present: Karen Moss (Housing Officer, BVH); Calder Valley Council ASB Team. ACTION: BVH"
        " to serve a Notice of Seeking Possession. ACTION: CVC to check the CCTV. ACTION: KM"
        " (Karen Moss, BVH Tenancy Team) to call the victim.",
        ["Karen Moss", "KM (", "Moss, BVH"],
        ["ACTION: BVH to serve", "ACTION: CVC to check", "BVH Tenancy Team"],
    ),
    (
        "a mobile's second number given by its last six digits after a slash ('07700 900318/"
        "900319', '07700 900611 / 900612') goes with the first; a crime reference's year after"
        " its slash stays a reference",
        "Suspect uses 07700 900318/900319 and his brother 07700 900611 / 900612; crime"
        " 13/204411/25 linked.",
        ["900318", "900319", "900611", "900612", "204411"],
        ["linked"],
    ),
    (
        "a number that is a code's last part ('CCTV site WAK-017 Westgate End', 'cam"
        " BRD-112 Manningham Lane') is no house; a house number in the street goes",
        "Cameras: WAK-017 Westgate End and BRD-112 Manningham Lane both reviewed; the caller"
        " lives at 17 Westgate End.",
        ["17 Westgate End."],
        ["WAK-017 Westgate End and", "BRD-112 Manningham Lane"],
    ),
    (
        "a count or a date before a verb's -ing and a street in capitals ('3 crossing Elland"
        " Road', 'Sat 14/06 covering Brook Park') is no address; a house in lower case goes",
        "Order from 18:00 Sat 14/06 covering Brook Park; 3 crossing Elland Road on bikes;"
        " caller at 12 spring bank.",
        ["12 spring bank"],
        ["14/06 covering Brook Park", "3 crossing Elland Road"],
    ),
    (
        "a council's CRM number ('CRM 6620913') and an intelligence log in capitals ('INT"
        " 25/WAK/0417') after their systems' names go; the system's name and a web address stay",
        "Old number dropped, now CRM 6620913 on the new system; INT 25/WAK/0417 graded 3x5x2;"
        " see crm.example.org/case for it.",
        ["6620913", "INT 25"],
        ["CRM ", "INT ", "crm.example.org/case"],
    ),
    (
        "a word written or sprayed, quoted ('sprayed \"SNITCH\"', 'note left \"GRASS\"', 'called"
        " her a \"Nonce\"') is no nickname; a nickname after 'known as' goes",
        'Her door sprayed "SNITCH", note left "GRASS", called her a "Nonce". Male'
        ' known as "TANK" seen with Dylan Price.',
        ["TANK", "Dylan Price"],
        ['"SNITCH"', '"GRASS"', '"Nonce"'],
    ),
    (
        "a reference's siblings in a table's later rows, with no cue ('Job R0048812 | … ||"
        " R0049107 | …'), and a second incident number in brackets ('(prev 2025-010944)') go;"
        " dates in the rows stay",
        "Repairs: Job K0077120 | 03/01/24 | lock || K0077984 | 10/01/24 | glazing. Fire"
        " incident no 2025-004417 - bin fire (prev 2025-003982).",
        ["K0077120", "K0077984", "2025-004417", "2025-003982"],
        ["03/01/24", "10/01/24"],
    ),
    (
        "a postcode and a plate dictated a letter at a time after their cues ('postcode b d"
        " seven two j x', 'reg w r seven one x k l', 'x ray' for X) go; a sentence's letters"
        " stay",
        "caller says postcode l s six four d q and the van reg y k seventy one x r p, or"
        " charlie foxtrot one eight x ray yankee papa. a b c order.",
        ["l s six four d q", "y k seventy one x r p", "x ray yankee papa"],
        ["a b c order"],
    ),
    (
        "a hostel room shortened ('Rm 6, 118 Harehills Lane') and a lived-on boat by its name"
        " after 'nb' ('nb Drew's Folly', 'nb Kingfisher Lass, berth 23, Apsley Marina') go; 'NB'"
        " for nota bene does not make a boat",
        "Resident in Rm 4, 27 Roundhay Road; boater on nb Drew's Folly and nb Kingfisher Lass,"
        " berth 23, Apsley Marina. NB Mrs Gainsborough is no relation.",
        ["Rm 4, 27 Roundhay Road", "Drew's Folly", "Kingfisher Lass", "berth 23"],
        ["NB Mrs"],
    ),
    (
        "an inward code 'll' in lower case after its outward code ('ch1  3ll') stays letters and"
        " goes as a postcode; a mobile typed with l for 1 ('900 3l4') is still read as digits",
        "both at 44 Argyle Street ch1  3ll, tel 07700 900 3l4.",
        ["ch1  3ll", "900 3l4"],
        ["both at"],
    ),
    (
        "a role's letters after 'spoke to' ('spoke to DPS', 'spoke to the DSL') are no one's"
        " name; the person in brackets after them goes",
        "Spoke to DPS at The Plough re drinking. DPS (Carl Ormerod) says Challenge 25 runs.",
        ["Carl Ormerod"],
        ["Spoke to DPS at", "DPS ("],
    ),
    (
        "a pub or a venue named for someone, after 'The' inside a sentence ('behind The Sir"
        " Percy Florence Shelley', 'at The Henry Boons'), keeps the name a person in the note"
        " shares; that person goes",
        "Shelley Kingston rang to report dealing in the alley behind The Sir Percy Florence"
        " Shelley; Jack Boon was at The Henry Boons earlier.",
        ["Shelley Kingston", "Jack Boon"],
        ["The Sir Percy Florence Shelley", "The Henry Boons"],
    ),
    (
        "a ward's statistical code after its ward ('Victoria ward (E05008953)') and a body-worn"
        " camera's serials ('BWV serial X81023456', 'BWV X6A-00912 and X6A-00977') stay; a"
        " passport after its cue and a crime reference go",
        "Hotspots: Headland ward (E05008942) and Victoria ward (E05008953). BWV serial"
        " X81023456 running; BWV X6A-00912 and X6A-00977 uploaded. Passport E05008961 seized,"
        " crime ref CL-ASB-004417.",
        ["E05008961", "CL-ASB-004417"],
        ["(E05008942)", "(E05008953)", "X81023456", "X6A-00912 and X6A-00977"],
    ),
    (
        "when a licence or an order runs to ('on licence until 04/2025') is no reference; the"
        " offender's case reference after its cue goes",
        "OM update: nDelius CRN N224519, on licence until 04/2025, curfew till 11/2025.",
        ["N224519"],
        ["until 04/2025", "till 11/2025"],
    ),
    (
        "a law named for the person it remembers ('Clare's Law', 'Sarah's Law') stays; a person"
        " of that name goes",
        "Ms Nadia Karimi does not want a Clare's Law disclosure; Sarah's Law was explained to"
        " her sister Clare.",
        ["Nadia Karimi", "sister Clare"],
        ["Clare's Law disclosure", "Sarah's Law was"],
    ),
    (
        "a named person's initials standing alone in minutes and chronologies ('Daniel Whitby'"
        " … 'warning letter to DW', '– NR by 31/03') go; a rank before a number ('PS 2281'),"
        " 'TV' and initials no one in the note has stay",
        "Chronology: subject Daniel Whitby (34). 19/02 warning letter to DW. Present: Nadia"
        " Rehman (WDH), PS 2281 Liam Outhwaite. ACTION: fit a door camera – NR by 31/03. DW's"
        " TV was loud; KP from the council to visit.",
        ["DW", "NR by"],
        ["PS 2281", "TV was loud", "KP from the council"],
    ),
    (
        "a title and one letter standing for a person ('Mrs H is aged 81', 'letter to Mr B')"
        " goes; a title before an initial and a surname ('Mr B. Okafor') is the whole name, and"
        " the age and the day stay",
        "Mrs H is aged 81 and lives alone; a letter went to Mr B on Friday. Mr B. Okafor"
        " housed them.",
        ["Mrs H is", "Mr B on", "B. Okafor"],
        ["is aged 81", "on Friday"],
    ),
    (
        "a place that is also a named person's surname, gone through or to ('walking home"
        " through Stonehouse', 'the 330 back to Hyde') or placed by its area ('ROUNDHAY area'),"
        " stays; the people of those names go",
        "Kelsey Stonehouse was walking home through Stonehouse. Brinley Hyde gets the 330 back"
        " to Hyde. DP DWAYNE ROUNDHAY-SMITH, ROUNDHAY area.",
        ["Kelsey Stonehouse", "Brinley Hyde", "DWAYNE ROUNDHAY-SMITH"],
        ["through Stonehouse", "back to Hyde", "ROUNDHAY area"],
    ),
    (
        "a flat known by its floor as a maisonette ('First Floor Maisonette, 5 Belgrave"
        " Terrace') goes whole; a maisonette named with no number stays",
        "Currently sofa surfing at First Floor Maisonette, 5 Belgrave Terrace, Torquay; the"
        " ground floor maisonette below is empty.",
        ["First Floor Maisonette", "5 Belgrave Terrace"],
        ["ground floor maisonette below"],
    ),
    (
        "a National Insurance number with dots between its parts ('TR.12.08.49.B') goes; a"
        " date written with dots stays",
        "Stopped on 14.05.2024 he gave NI TR.12.08.49.B for the paperwork.",
        ["TR.12.08.49.B"],
        ["14.05.2024"],
    ),
    (
        "an older plate after a make that was missing ('classic Jag DKR 805T'), a plate in"
        " brackets after its model ('Golf (rib1736)') and a plate given with a letter too many"
        " after its cue ('reg as GU72 CXRR') go; a partial plate and the word after it ('RX19"
        " then unknown') keep the word",
        "Classic Jag DKR 805T at the car wash; Golf (rib1736) outside. Caller gives reg as GU72"
        " CXRR. Range Rover partial RX19 then unknown.",
        ["DKR 805T", "rib1736", "GU72 CXRR", "RX19"],
        ["then unknown", "at the car wash", "Golf ("],
    ),
    (
        "a building named for a person ('the windows of Kennedy House') stays; the person of"
        " that name ('Mr Kennedy') goes, and a house number and its street still go",
        "Eggs thrown at the windows of Kennedy House; Mr Kennedy of 4 Orme Road saw it.",
        ["Mr Kennedy", "4 Orme Road"],
        ["windows of Kennedy House"],
    ),
    (
        "things counted after a number ('crim dam to 2 benches', 'TO 3 WINDOWS') are no"
        " address; a house number and its street after the same words go",
        "ARRESTED 22:10 FOR CRIM DAM TO 2 BENCHES, £640. LATER DAMAGE TO 3 WINDOWS, £200."
        " Later damage to 14 Mill Lane.",
        ["14 Mill Lane"],
        ["2 BENCHES", "3 WINDOWS"],
    ),
    (
        "a social handle read out with its '@' said and an underscore ('at kx underscore blaze"
        " twenty-one') goes; an e-mail said beside it goes as an e-mail, and 'at the park' stays",
        "She read the account out as at kx underscore blaze twenty-one; mum's e-mail is t"
        " underscore okoye at example dot com. They met at the park by the wall.",
        ["kx underscore blaze twenty-one", "okoye at example dot com"],
        ["met at the park by the wall"],
    ),
    (
        "a flat's and a house's number said in words ('flat forty-one, Tennyson House, Marlowe"
        " Road', 'lives at seventy-two Ashgrove Road') goes; two males on a street, a capitalised"
        " place's number ('at Seven Sisters Road') stay",
        "CLR: she's in flat forty-one, Tennyson House, Marlowe Road, and he lives at seventy-two"
        " Ashgrove Road. Two males on Station Road, then the bus to Seven Sisters Road.",
        ["forty-one, Tennyson House, Marlowe Road", "seventy-two Ashgrove Road"],
        ["Two males on Station Road", "Seven Sisters Road"],
    ),
    (
        "a postcode read out in the phonetic alphabet ('Whiskey Sierra nineteen, two Tango"
        " Kilo') goes; call signs read out beside it ('Kilo Charlie two one') stay",
        "CLR gave the postcode as Whiskey Sierra nineteen, two Tango Kilo. Kilo Charlie two one"
        " and Kilo Charlie two four attended.",
        ["Whiskey Sierra nineteen, two Tango Kilo"],
        ["Kilo Charlie two one and Kilo Charlie two four attended"],
    ),
    (
        "a place abroad named as a person is ('Hong Kong', 'Sierra Leone', 'Addis Ababa') stays;"
        " the people from it go",
        "Mrs Chow Mei Lin came from Hong Kong in 2022; her lodger Abebe Tadesse lived in Addis"
        " Ababa, and his cousin Foday Kamara is from Sierra Leone.",
        ["Chow Mei Lin", "Abebe Tadesse", "Foday Kamara"],
        ["from Hong Kong", "in Addis Ababa", "from Sierra Leone"],
    ),
    (
        "a Scottish farm by its mains ('MAINS OF DRUMTOCHTY') and a steading by its name go; a"
        " farm named by what it is ('Neighbouring farm') and the town stay",
        "Quad taken from MAINS OF DRUMTOCHTY by Laurencekirk; the tenant at Kirkton Steading"
        " heard it. Neighbouring farm had the same.",
        ["MAINS OF DRUMTOCHTY", "Kirkton Steading"],
        ["Neighbouring farm", "Laurencekirk"],
    ),
    (
        "a named house spelt with a circumflex or a grave accent ('Tŷ Mawr Farm', 'Àird Bheag"
        " Cottage') goes; the town after it stays",
        "Complaint from Tomos Pugh of Tŷ Mawr Farm, Llanuwchllyn. His brother's place is Àird Bheag"
        " Cottage, Lochcarron.",
        ["Tomos Pugh", "Tŷ", "Àird"],
        ["Llanuwchllyn", "Lochcarron"],
    ),
    (
        "an e-mail address said in words with an initial apart, a number after the name or a"
        " '.example' ending goes; 'at the park' and a said '.com' after no address stay",
        "email her on k okafor 21 at example dot org or admin hyphen team at moorlane surgery dot"
        " example."
        " We met at the park, dot com bubble talk.",
        ["k okafor 21 at example dot org", "admin hyphen team at moorlane surgery dot example"],
        ["met at the park", "dot com bubble"],
    ),
    (
        "a meeting's ID and passcode number and a message export's timestamp stay; the council's"
        " case reference beside them goes",
        "Teams invite, case CE/ASB/25/114. Meeting ID: 481 220 937 16, conference ID: 552 019"
        ' 88#. Export: "timestamp_ms": 1739912233000.',
        ["CE/ASB/25/114"],
        ["481 220 937 16", "552 019 88#", "1739912233000"],
    ),
    (
        "a bus's route after its time ('the 07:40 X64') stays; an extension after a phone number"
        " goes",
        "The 07:40 X64 to Ipswich was stoned again; ring the depot on 01632 960 412 x 231.",
        ["01632 960 412", "231"],
        ["07:40 X64"],
    ),
    (
        "a flat in a named block written short ('flat 11 lapwing hse') goes; the shops near it"
        " stay",
        "she stays at her gfs flat 11 lapwing hse near the shops on Tern Road most nights",
        ["11 lapwing hse", "lapwing hse"],
        ["near the shops", "Tern Road"],
    ),
    (
        "a lake's first word found alone by the model ('Lough' of 'Lough Erne') is no name",
        "Not a matter for Lough Erne wardens.",
        [],
        ["Lough Erne"],
    ),
    (
        "a note in Welsh: its particles and words for when ('tu allan', 'ar Stryd Fawr', 'mis"
        " Medi', 'nos Wener') and its common nouns ('Lluniau', 'Cynllun Mannau Cyhoeddus') are"
        " no names; the people named in it go, 'ap' and all",
        "Dau ddyn yn smocio tu allan i'r siop ar Stryd Fawr nos Wener. Lluniau wedi eu hanfon."
        " Gethin ap Rhys (15) a Siân Llwyd. Cynllun Mannau Cyhoeddus, mis Medi. Ellie-Mae Dunn"
        " hefyd.",
        ["Gethin ap Rhys", "Siân Llwyd", "Ellie-Mae Dunn"],
        [
            "tu allan",
            "ar Stryd Fawr",
            "nos Wener",
            "Lluniau",
            "Cynllun Mannau Cyhoeddus",
            "mis Medi",
        ],
    ),
    (
        "a log's number of a day by its ordinal or of today after the log's cue ('storm as 1884"
        " of 21st', 'log 0071 of today') goes; a count of a battalion stays",
        "txt from pcso 22:14 - 6 yth drinkin, put on storm as 1884 of 21st. will do a s.35."
        " triage cat 2, police log 0071 of today. He served with 300 of the 5th battalion.",
        ["1884", "of 21st", "0071", "of today"],
        ["300 of the 5th battalion"],
    ),
    (
        "a court's, a prison's and a council's numbers for a person after their cue ('indictment"
        " T 2025 7119', 'VO 3381227', 'Blue Badge BB 8820 4417 1') go; a form's number and a"
        " statute's section stay",
        "Indictment T 2025 7119, plea to s.20 OAPA 1861. VO 3381227 cancelled. A Blue Badge BB"
        " 8820 4417 1 was displayed. Statement on Form MG11.",
        ["T 2025 7119", "3381227", "BB 8820 4417 1"],
        ["s.20 OAPA 1861", "Form MG11"],
    ),
    (
        "a pitch, a berth or a lodge by its number and its site ('mooring 22, Saul Junction',"
        " 'pitch 9 at willowmead', 'PONTOON D, BERTH 31, CHICHESTER MARINA'), a Welsh flat in"
        " its named court ('Fflat 3, Cwrt y Felin') and a Scottish main door flat go; a pitch"
        " before a person's name, and the court named alone, stay",
        "Lives on mooring 22, Saul Junction. Kids from pitch 9 at willowmead and others."
        " PONTOON D, BERTH 31, CHICHESTER MARINA. Fflat 3, Cwrt y Felin. Main Door Flat, 9 Comely"
        " Bank Row. The van on pitch 48, Gary Tuplin's. Youths outside Cwrt y Felin.",
        [
            "22, Saul Junction",
            "9 at willowmead",
            "BERTH 31",
            "Fflat 3, Cwrt y Felin",
            "Main Door Flat",
            "Gary Tuplin",
        ],
        ["pitch 48", "outside Cwrt y Felin"],
    ),
    (
        "a shop, a garage or a banqueting hall named for someone ('Asante Hair & Beauty', 'Bello"
        " Motors', 'Hajji's Banqueting Hall'), a shop before its street ('Sofia Bakery, Harrow"
        " Road') and a temple ('Shri Ram Mandir') stay; the people named beside them go, a"
        " pilgrim's title stays",
        "Outside Asante Hair & Beauty, Rye Lane. Alhaji Abdulrasheed Bello, owner of Bello Motors,"
        " reports damage. Georgi Petrov works at Sofia Bakery, Harrow Road. Walk from Shri Ram"
        " Mandir. Hajji Ghulam Rasool of Hajji's Banqueting Hall.",
        ["Abdulrasheed Bello", "Georgi Petrov", "Ghulam Rasool"],
        [
            "Asante Hair & Beauty",
            "Bello Motors",
            "Sofia Bakery, Harrow Road",
            "Shri Ram Mandir",
            "Hajji's Banqueting Hall",
            "Alhaji",
        ],
    ),
    (
        "letters before a time are no plate ('RUI 21:35'), an age and a district in brackets are"
        " no address ('(15, Beaumont Leys)'), 'Will you' after a dash is a question, and a"
        " school's safeguarding lead after its name is no person ('Ribblesdale High DSL'); the"
        " people go",
        "DP released RUI 21:35. (1) Khalid Osman (15, Beaumont Leys): NRM. Hi Gemma -- Will you"
        " be at tasking? Ribblesdale High DSL aware.",
        ["Khalid Osman", "Gemma"],
        ["RUI 21:35", "Beaumont Leys", "Will you", "Ribblesdale High DSL"],
    ),
    (
        "a plate given a character at a time after its cue ('reg as r 3 g a n') and a gamer's"
        " name on a console's network ('on PSN as VENOM-KID-07') go; letters after 'reg is'"
        " with no digit stay",
        "Caller gave the reg as r 3 g a n, private plate. Threats on PSN as VENOM-KID-07. The reg"
        " is a b c and more.",
        ["r 3 g a n", "VENOM-KID-07"],
        ["is a b c and more"],
    ),
    (
        "a number in the ranges given to organisations (03, 080, 084, 087) stays whatever its"
        " words; a mobile and a landline given beside it go",
        "Passed to Environmental Enforcement on 0306 999 0142. Crimestoppers 0800 555 111. RP"
        " mob 07700 900 412, home 0113 496 0622.",
        ["07700 900 412", "0113 496 0622"],
        ["0306 999 0142", "0800 555 111"],
    ),
    (
        "the end of a plate after 'reg only - ends in', and a continental plate in dashed parts"
        " after its cue, go; a reference in dashed parts after 'reg no.' goes as a reference",
        "Silver Corsa, partial reg only - ends in OKY. Dutch caravan, reg 54-KTR-9, on the"
        " Foreshore car park. Case reg no. ASB-24-0012.",
        ["OKY", "54-KTR-9", "ASB-24-0012"],
        ["Foreshore car park"],
    ),
    (
        "a family by its name in the plural goes though the name is a town's ('the Beestons');"
        " the town and the road named for it stay",
        "Feud on Kirkby Road, Sutton-in-Ashfield, between the Beestons at no. 4 and the"
        " neighbours. Shane Beeston (19) has a CPW. Lads from Beeston too.",
        ["Beestons", "Shane Beeston"],
        ["Kirkby Road", "Lads from Beeston"],
    ),
    (
        "a surname that is a month stays where it dates something ('FROM MARCH LAST YEAR'), and"
        " a surname that opens a village's joined name stays there ('Kirkby la Thorpe'); the"
        " people go",
        "DRIVER ASHLEY MARCH DOB 12/05/1995, WARNING ON PNC FROM MARCH LAST YEAR. DP Daniel"
        " Kirkby arrested at Kirkby la Thorpe. Paying Timpson for the cleaning.",
        ["ASHLEY MARCH", "Daniel Kirkby"],
        ["FROM MARCH LAST YEAR", "Kirkby la Thorpe", "Paying Timpson"],
    ),
    (
        "a street and its count of reports in brackets is no person and no age ('Dalton Road"
        " (7)'); a person's age in brackets after their name goes with them",
        "Hotspots: Dalton Road (7), Abbey Street (4). Named: Tyler Dalton (15), Kacey Rowe (14).",
        ["Tyler Dalton", "Kacey Rowe"],
        ["Dalton Road (7)", "Abbey Street (4)"],
    ),
    (
        "a time's colon is no field's label ('issued 09:12 12 Feb'), so what follows it is no"
        " field's value; a notice's number after its letters goes",
        "PCN WK41177023 issued 09:12 12 Feb to a car on Church Street; keeper Imogen Reilly"
        " appealed.",
        ["WK41177023", "Imogen Reilly"],
        ["09:12 12 Feb to a car on Church Street"],
    ),
    (
        "an ordinal in capitals after a word of two letters ('MOVED BY 30TH') and a section"
        " after a statute's year ('EPA 1990 S33ZA') are no postcodes; a postcode spaced oddly"
        " goes",
        "LEEDS HOMES TO ACT IF NOT MOVED BY 30TH. FPN UNDER EPA 1990 S33ZA. KEEPER AT S3 3ZA.",
        ["S3 3ZA"],
        ["BY 30TH", "EPA 1990 S33ZA"],
    ),
    (
        "a judge by the bench's titles ('DJ(MC) Ashworth', 'DJ Fairbairn', 'HHJ Patel', 'District"
        " Judge Hussain') goes, the title stays; a disc jockey with no name stays",
        "DJ(MC) Ashworth granted the order. claim H20YX091 before DJ Fairbairn. HHJ Patel"
        " refused. District Judge Hussain adjourned. The DJ played til 3am.",
        ["Ashworth", "Fairbairn", "Patel", "Hussain"],
        ["DJ(MC)", "HHJ", "District Judge", "The DJ played"],
    ),
    (
        "a role alone ('Clerk's minute', 'Verger's phone') is no one's name, and a prison's or"
        " an air base's letters make a place ('HMP Altcourse OMU', 'RAF Cranwell'); the people"
        " named beside them go",
        "Clerk's minute: Vasile Munteanu attended. Verger's phone 01632 960 855. From HMP"
        " Altcourse OMU: Connor Blundell released. Hannah Cranwell works at RAF Cranwell.",
        ["Vasile Munteanu", "01632 960 855", "Connor Blundell", "Hannah Cranwell"],
        ["Clerk's minute", "Verger's phone", "HMP Altcourse OMU", "RAF Cranwell"],
    ),
    (
        "a number an agenda, a court or a page gives ('Item 2 Morrisons car park', 'COURT 3"
        " BRISTOL MAGISTRATES' COURT') is no house's; a flat in a block before its numbered"
        " street goes",
        "Item 2 Morrisons car park cruising. COURT 3 BRISTOL MAGISTRATES' COURT LIST TUE."
        " Tenant of Flat 12 Claremont Court 44 High Street.",
        ["Flat 12 Claremont Court", "44 High Street"],
        ["Item 2 Morrisons car park", "COURT 3 BRISTOL MAGISTRATES' COURT"],
    ),
    (
        "a person's surname found again inside a place named with it ('Stanley Common', 'Church"
        " Gresley', 'King's Lynn', 'Chesterton Road') stays; alone it is the person and goes",
        "Callum Stanley was seen on Stanley Common. Owen Gresley's mum lives in Church Gresley."
        " FPN to Stuart Lynn in King's Lynn. Ben Chesterton's bins off Chesterton Road. Stanley"
        " says Gresley was there.",
        [
            "Callum Stanley",
            "Owen Gresley",
            "Stuart Lynn",
            "Ben Chesterton",
            "Stanley says",
            "Gresley was",
        ],
        ["Stanley Common", "Church Gresley", "King's Lynn", "Chesterton Road"],
    ),
    (
        "a model's name run on into the bracket that names an agency stops at the bracket"
        " ('Beth Okafor (Clarion'), and a council by its letters ('Huntingdonshire DC') is no"
        " person; a detective's surname after 'DC' goes",
        "Present: Beth Okafor (Clarion), Mo Rahman (Broxtowe BC). Huntingdonshire DC mediation"
        " offered. OIC DC Smith rang.",
        ["Beth Okafor", "Mo Rahman", "Smith"],
        ["(Clarion)", "(Broxtowe BC)", "Huntingdonshire DC mediation"],
    ),
    (
        "a map's grid reference, a statement of how long an order lasts ('CBO still live till"
        " 2028') and a lamp post's number stay; a probation case number goes",
        "Not to enter the area edged red (grid ref SK 359 870). CBO still live till 2028."
        " Graffiti on lamp post 114. Probation CRN F228104.",
        ["F228104"],
        ["SK 359 870", "still live till 2028", "lamp post 114"],
    ),
    (
        "an officer's collar number with its force's letters after the surname ('PC Noble"
        " GL1022') stays, and a street run into its town by the model ('High St, Morley') is no"
        " name; the people go",
        "Witnesses: Imran Bhatti and PC Noble GL1022. 1605, High St, Morley. CPW to Brandon"
        " Heeley (17).",
        ["Imran Bhatti", "Noble", "Brandon Heeley"],
        ["GL1022", "High St, Morley"],
    ),
    (
        "a flat in a block and its street with no comma between ('FLAT 6 LUMB HALL COURT"
        " BRUNTCLIFFE ROAD', 'flat 6 wenlock court hulme high street'), a flat by its floor"
        " ('First Floor Flat, 62 Borough Road') and a one-word street in capitals ('60-64"
        " WESTGATE') go; a bus company before a street stays",
        "SMOKE FROM FLAT 6 LUMB HALL COURT BRUNTCLIFFE ROAD MORLEY. fatima in flat 6 wenlock"
        " court hulme high street m15. First Floor Flat, 62 Borough Road Birkenhead. TIPPING"
        " REAR OF 60-64 WESTGATE DEWSBURY. Buses run by First, Station Road depot.",
        ["BRUNTCLIFFE ROAD", "hulme high street", "First Floor Flat", "60-64 WESTGATE"],
        ["First, Station Road depot", "MORLEY"],
    ),
    (
        "a lower-case name that is also a word, after a relation and before what the person"
        " did ('mum faith said', 'my daughter hope gets'); a modal, and a word that is no act,"
        " stay",
        "msg fwd by pcso: mum faith said she seen them by the garages. my daughter hope gets"
        " the calls too. her son will go to school tmrw. my mum hope so.",
        ["faith said", "hope gets"],
        ["son will go", "mum hope so"],
    ),
    (
        "a date of birth typed wrong after its cue (a year's digit short or over, a separator"
        " doubled, a stray space, a month's year split); the word after a date stays",
        "DOB 04/09/199. Subject dob 19//10/1978. DOB: 09/11/19 86. DOB 4 Apr 20 07. d.o.b"
        " 17/1/20013. Jake dob 7/11/2001 of Plain-an-Gwarry.",
        ["04/09/199", "19//10/1978", "19 86", "4 Apr 20 07", "20013", "2001"],
        ["of Plain-an-Gwarry"],
    ),
    (
        "a National Insurance number spaced any way after 'NI', a postcode typed wrong after"
        " its street or town, a landline a digit short after its cue and a mobile with '+44"
        " (0)' a digit short; a count after 'NI' and a street's number stay",
        "tenant Ceri Vaughan, NI WE 50 1 7 28 B. NI: PN 5 10 29 3 A. of 41 Moulsham Street CM2 O"
        " HX. Cavell Drive, Edmonton, N9 O1Q. Call me on 020 7946 038. mob +44 (0)7700 90093."
        " NI 4 cases closed.",
        ["WE 50 1 7 28 B", "PN 5 10 29 3 A", "CM2 O", "N9 O1Q", "020 7946 038", "90093"],
        ["NI 4 cases"],
    ),
    (
        "a village's words joined by 'le', 'de la' or 'by' stay ('Kirby le Soken', 'Layer de"
        " la Haye', 'Sturton by Stow'); a person's 'de la' between a first name and a surname"
        " goes",
        "Subject: The Street, Kirby le Soken - noise after closing. Fishing at Layer de la Haye"
        " causeway. Sessions at Sturton by Stow hall. Marie de la Cruz rang twice.",
        ["Marie de la Cruz"],
        ["Kirby le Soken", "Layer de la Haye", "Sturton by Stow"],
    ),
    (
        "a writer's contraction ('I've', 'We've') is no name, nor is a statute's 'Act 2015' a"
        " reference; a force's letters then its own reference in parts goes, a collar number"
        " after them stays",
        "I've told West Mercia Police. We've asked Jim Royle. Under the Serious Crime Act 2015"
        " s.76. WMP 20E1/201774/24 linked. WMP 4410 attended.",
        ["Jim Royle", "20E1/201774/24"],
        ["I've told", "We've asked", "Act 2015", "WMP 4410"],
    ),
    (
        "a number read out with its country's code said, a pause said between its groups, or"
        " its extension read out; a count read out stays",
        "C: it's plus four four, seven seven double oh, nine double oh, three one two. Her work"
        " is oh one one three, four nine six, oh four four one, extension two one six. Mob oh"
        " seven seven double oh, nine hundred, and then five five one. There were four or five"
        " of them.",
        [
            "plus four four",
            "seven seven double oh, nine double oh",
            "oh four four one",
            "extension two one six",
            "and then five five one",
        ],
        ["four or five of them"],
    ),
    (
        "a house's number read out after 'number' with a caller's pause, and an e-mail read out"
        " with a hyphen or a domain of two words; a count before a street and 'at the' stay",
        'Gave his address as "number twelve, Saxon Walk", Kirkby. Email t hyphen birch at'
        " example hyphen mail dot co dot uk, or a dot patel at example council dot gov dot uk."
        " We counted twelve, Station Road was quiet. We met at the park dot com stall.",
        ["twelve, Saxon Walk", "birch", "example hyphen mail", "patel", "example council"],
        ["counted twelve, Station Road", "met at the park dot com"],
    ),
    (
        "a title, a rank, an offender manager's letters or a grandparent before a name stays"
        " ('RP MRS', 'Constable', 'OM', 'Grandad'), and 'I' after a name is the speaker; the"
        " names go",
        "20:14 RP MRS I. McCALLUM OF STANE GARDENS. Statement of Constable Rebecca Orr. OM"
        " Sarah Jones visited. Grandad Stan Sale rang. A resident, Mrs Ellis I think, called."
        " Dear Mr ap Rhys.",
        ["McCALLUM", "Rebecca Orr", "Sarah Jones", "Stan Sale", "Ellis", "ap Rhys"],
        ["RP MRS", "Constable", "OM ", "Grandad", "I think"],
    ),
    (
        "a school's kind between a name and its word ('Sir John Moores Catholic High School'),"
        " a practice named for a street, a railway line in capitals and a place's end that"
        " share a person's word stay; the people go",
        "Sir John Moores Catholic High School mentor Ruth Delaney: Dad John Moore came in. Mrs"
        " Joy Patel of Joy Lane Practice. Victoria Hale (19) assaulted at Tottenham Hale. Hale"
        " says VICTORIA LINE staff saw it.",
        ["Ruth Delaney", "John Moore came", "Joy Patel", "Victoria Hale", "Hale says"],
        [
            "Sir John Moores Catholic High School",
            "Joy Lane Practice",
            "Tottenham Hale",
            "VICTORIA LINE",
        ],
    ),
    (
        "an officer's collar number after an agency's letters or in the Met's form, a date"
        " alone after 'incident' or a notice's letters, and transport bodies' letters stay; the"
        " references go",
        "BTP PC 3346 Whitlow arrested him. STOPPED BY PC 622NA. Security incident 15/07 1310."
        " Previous CPN 07/2026, ref SWK-CPN-26-0417. Passed to BTP, TfL and TfGM Travelsafe."
        " BTP crime 4401187 raised.",
        ["Whitlow", "SWK-CPN-26-0417", "4401187"],
        ["PC 3346", "PC 622NA", "incident 15/07", "CPN 07/2026", "BTP, TfL and TfGM Travelsafe"],
    ),
    (
        "part of a plate, or a private one, read out after its cue; a call sign read out"
        " without a plate's cue stays",
        'One bike with plate part read as "November Lima one seven", rest taped. Any plate?'
        ' C: starts Sierra Mike one two, silver Astra. A private plate read as "Romeo three,'
        ' Echo Charlie Echo". Call sign Kilo Lima 19 attending.',
        ["November Lima one seven", "Sierra Mike one two", "Romeo three, Echo Charlie Echo"],
        ["Call sign Kilo Lima 19"],
    ),
    (
        "cue words of an alias and of a letter ('AKA', 'FAO') are no names; a job or role"
        " before a name ('Barmaid', 'Keyworker', 'LICENSEE') stays, the name goes",
        'INFO THAT KYLE BRANNIGAN AKA "BRANNERS" IS DEALING. Letter FAO Mrs Ruth Okafor.'
        " Barmaid Shona McAteer called at 23:10. Keyworker Precious to visit Friday."
        " LICENSEE DERMOT CAHILL REQUESTS ASSISTANCE.",
        ["KYLE BRANNIGAN", "BRANNERS", "Ruth Okafor", "Shona McAteer", "Precious", "DERMOT CAHILL"],
        ["AKA", "Letter FAO", "Barmaid", "Keyworker", "LICENSEE"],
    ),
    (
        "an operation or a street named like a person found in the same note stays ('Op Ivy',"
        " 'DEAN STREET', 'GRACE ROAD'); the person goes",
        "Op Ivy welfare check: Ivy Mensah (80) says her grandson lets friends use the flat. Ivy"
        " scared. Op Ivy marker added. INT: DEAN KERSHAW SEEN ON DEAN STREET. GRACE HOLDEN"
        " PARKED ON GRACE ROAD.",
        ["Ivy Mensah", "Ivy scared", "DEAN KERSHAW", "GRACE HOLDEN"],
        ["Op Ivy welfare", "Op Ivy marker", "DEAN STREET", "GRACE ROAD"],
    ),
    (
        "Irish particles and an apostrophe's prefix before a surname given first ('Ó Briain,"
        " Tadhg', 'NÍ CHONAILL, Méabh', 'd'Souza, Marisa') and an initial before 'Ní'; a place"
        " with a particle before a first name ('to Le Havre, Marisa said') keeps its name's"
        " place",
        "Witnesses: Ó Briain, Tadhg; d'Souza, Marisa; Mac Suibhne, Eoin. Arrests incl. NÍ"
        " CHONAILL, Méabh. Copy to D. Ní Riain. She moved back from Le Mans on Tuesday.",
        ["Briain", "d'Souza", "Marisa", "Suibhne", "Eoin", "incl. NÍ", "Méabh", "Copy to D."],
        ["Le Mans on Tuesday"],
    ),
    (
        "an organisation's registration number (company, charity, Ofsted URN, SRA, VAT) and a"
        " firm named for people ('Harrison Cole LLP', 'Amber Cars Ltd') stay; a CPS URN and the"
        " people go",
        "Operator Amber Cars Ltd (company no. 07729145). Street Pastors (charity no. 1127166)."
        " Broadfield Academy (URN 136844); home Ofsted URN SC482917. Solicitor Mr Tunde Bakare"
        " of Harrison Cole LLP (SRA no. 612345). Kwik Fix Motors, VAT GB 312 4471 90. CPS URN"
        " 42YE1187324 for Kai Dunmore.",
        ["Tunde Bakare", "42YE1187324", "Kai Dunmore"],
        [
            "Amber Cars Ltd",
            "07729145",
            "1127166",
            "136844",
            "SC482917",
            "Harrison Cole LLP",
            "612345",
            "GB 312 4471 90",
        ],
    ),
    (
        "a date its words give to an event (a tenancy's start, 'tenant since', 'started') is"
        " no birth date beside one; the birth dates go",
        "Tenant Marta Wilk DOB 07.07.1987, tenancy start 07/07/2014. Mr Kwame Boateng, date of"
        " birth 25th Oct 1958, tenant since 09/11/2001. Tenancy of his mother Brenda Holt,"
        " started 05/11/1999.",
        ["07.07.1987", "25th Oct 1958"],
        ["07/07/2014", "09/11/2001", "05/11/1999"],
    ),
    (
        "house numbers joined by 'to', a flat by its letter and number or its number and a"
        " slash before its block, and a flat's floor after it; ages joined by 'to' and a form's"
        " number stay",
        "Flats at 2 to 8 Conway Street report eggs thrown. Spoke to Zofia at F12 Kennedy House"
        " and Lauren at 12/Cedar House, Commercial Way. Shabana lives at Flat 2, first floor, 41"
        " Yorkshire Street. Children aged 2 to 8 Years old. See form F12 Section 3.",
        [
            "Flats at 2",
            "Conway",
            "at F12",
            "Kennedy",
            "at 12/",
            "Cedar",
            "Flat 2, first floor",
            "Yorkshire Street",
        ],
        ["aged 2 to 8 Years", "form F12 Section 3"],
    ),
    (
        "whom a letter is for or who chairs ('FAO Kendal Rigby', 'chaired by Lincoln Hayes') is"
        " a person whatever places their words name; a team after 'FAO' stays",
        "Letter FAO Kendal Rigby, 3 Fellside Cottages, Kendal. Panel chaired by Lincoln Hayes"
        " (Lincolnshire Police). Hayes to circulate. Copy FAO Housing Options Team, Leeds.",
        ["Kendal Rigby", "Lincoln Hayes", "Hayes to"],
        ["FAO Housing Options Team, Leeds", ", Kendal."],
    ),
    (
        "a mobile with its trunk's zero in brackets ('(0)7700 900640') or dropped after a cue"
        " with its digits in threes; a time and a count stay",
        "Mr Ashdown also rang, tel (0)7700 900640. Mrs Crane, mob 7700 900 981 (no leading"
        " zero). Incident at 2330 hrs, 7700 leaflets delivered.",
        ["(0)7700 900640", "7700 900 981"],
        ["2330 hrs", "7700 leaflets"],
    ),
    (
        "a dateless plate written number first after its cue ('plate 718 HLD'), and a Discord"
        " name with its tag; a count after 'plates', a day and month after 'VRM', and a flat's"
        " number after '#' stay",
        "Trailer on dateless plate 718 HLD. Harassed by discord nightcrawler#4471. False"
        " plates x3 seized. VRM 12 JUL check due. Flat#1234 empty.",
        ["718 HLD", "nightcrawler#4471"],
        ["plates x3", "VRM 12 JUL", "Flat#1234"],
    ),
    (
        "initials run together with their dots after a rank ('PC J.P. WHITLOCK'); the collar"
        " numbers stay",
        "ATTENDING OFFICERS PC J.P. WHITLOCK 1876 AND PC T.R. OYELARAN 2291.",
        ["J.P. WHITLOCK", "T.R. OYELARAN"],
        ["1876", "2291"],
    ),
    (
        "a train's end after its time ('the 23:44 to Victoria') and an area after an age range"
        " stay; a person after a time without 'the' goes",
        "approx 8-10 of them, 12-14 yrs. hither green team to do a school visit. Others left on"
        " the 23:44 to Victoria. Spoke at 10:30 to Kylie about it.",
        ["Kylie"],
        ["12-14 yrs. hither green", "to Victoria"],
    ),
    (
        "postcodes with their halves parted by a comma, or a letter O typed for a zero, and a"
        " house number's letter apart; 'the A5 OLD ROAD' and '3 A Levels' stay",
        "Imran Qureshi of 56 Wanstead Park Road, IG1, 3TT. Flat 17, Doran Walk (E15,1NL). 22"
        " Whitehorse Rd CRO 2JA. rosa, 27 chatsworth rd, e5 olb, re the group. visited 14 A"
        " Stanhope Gardens today. WENT TO THE A5 OLD ROAD. She got 3 A Levels at Park School.",
        ["IG1, 3TT", "E15,1NL", "CRO 2JA", "e5 olb", "14 A Stanhope Gardens"],
        ["THE A5 OLD ROAD", "3 A Levels"],
    ),
    (
        "firms named for their owners' trades, a shopping centre's 'Place', and a town gone"
        " 'into'; the owners, and a forename before a town's word, go",
        "Andreea Stan works at Florin's Hand Car Wash. Abdul Rahman Chowdhury owns Rahman's"
        " Tandoori. Trailer of Kowalczyk Transport."
        " Begging at Freshney Place. Carol Witham goes into Witham by bus. Spoke to Tomasz Leeds.",
        ["Andreea Stan", "Abdul Rahman Chowdhury", "Carol Witham", "Tomasz Leeds"],
        [
            "Florin's Hand Car Wash",
            "Rahman's Tandoori",
            "Kowalczyk Transport",
            "Freshney Place",
            "into Witham",
        ],
    ),
    (
        "passports listed some words after 'Passports', a date of birth again with its year in"
        " two digits, and a log's number of a date in words; a date before a count stays",
        "Passports held by Yeovil station for safekeeping: 548100233 (Aisha), 548100234 (child)."
        " DOB on PNC 14/07/1999, DP gave 14 July 99. Linked 311 of 10 March 2025. Meeting on 12"
        " June 40 people came.",
        ["548100233", "548100234", "14 July 99", "311 of 10 March 2025"],
        ["12 June 40 people"],
    ),
    (
        "the first number of a pair joined by a slash; a landline its words give to an"
        " organisation (a switchboard, a main line, a firm's) stays, and so does an extension of"
        " 101; a direct line and a mobile beside them go",
        "Mum mob 07700 900 140/07700 900 141 (work). Council switchboard 0117 496 0000 for general"
        " enquiries. Bashir & Co tel 0117 496 0300 (firm). T: 01632 960 500 (main) | DD: 01632"
        " 960 526 | M: 07700 900 611 | Tel: 101 ext 32179.",
        ["07700 900 140", "07700 900 141", "01632 960 526", "07700 900 611"],
        ["0117 496 0000", "0117 496 0300", "01632 960 500", "101 ext 32179"],
    ),
    (
        "places joined to their river or hill, a firm '& Co', a feast day, a school named in a"
        " plural's possessive and a saint's place in lower case stay; the people beside them,"
        " and a name before a street named for a river, go",
        "Ross Pembridge (19) of Ross-on-Wye moved from Clifton upon Dunsmore. Solicitor Imran"
        " Bashir of Bashir & Co. Fireworks on New Year's Eve at Lady Hawkins' School. she asked"
        " about moving to gobowen or st martins. Saw Kyle on Avon Road.",
        ["Ross Pembridge", "Imran", "Kyle"],
        [
            "Ross-on-Wye",
            "Clifton upon Dunsmore",
            "Bashir & Co",
            "New Year's Eve",
            "Lady Hawkins' School",
            "st martins",
        ],
    ),
    (
        "an older plate after its keeper or a verb of arriving in it, and one with dashes after"
        " its make; 'the owner of the shop' and 'turned up in a car' stay",
        "Fly-tipping by the owner of W482 GKP, a white Transit. her dad turned up in k419 bdf,"
        " angry. Black Golf R-466-BNW seen. The owner of the shop came out; he turned up in a car.",
        ["W482 GKP", "k419 bdf", "R-466-BNW"],
        ["owner of the shop", "turned up in a car"],
    ),
    (
        "a surname that is a place, before an age; a surname that is a word, after a first name"
        " and a quoted nickname; a process's or a custody suite's letters in capitals stay",
        "Witness summary. Carys Whitchurch, 42, lives near Whitchurch. Barred list: Liam Jeffs,"
        " Gary 'Gaz' Marriage, Ben Tiddy. Action: NRM consideration. Released RUI. Avon custody"
        " -- Patchway PIC -- ref to follow.",
        ["Carys Whitchurch", "Marriage", "Liam Jeffs"],
        ["NRM", "RUI", "Patchway PIC", "near Whitchurch"],
    ),
    (
        "a reference read out partly in words, its typed digits apart, joined as a phone's"
        " are; a run of digits typed apart after no code or digit's word stays",
        "his crime ref is one 4 4 1 2 0 9 he said. mob is oh seven seven double oh 9 0 0 4 5 6"
        " ok. Score sheet 1 2 3 4 5 6 7 8 9 1 for the five-a-side.",
        ["4 4 1 2 0 9", "9 0 0 4 5 6"],
        ["1 2 3 4 5 6 7 8 9 1"],
    ),
    (
        "exports: a name written surname first in a later column, a street with no street's"
        " word before its postcode, a RAG rating, systems' keys with underscores; a town"
        " before a postcode, and a chat's handle before its colon, stay as they are",
        "rows: case_id,tenant,address,postcode,status / DH-3317,Wilson-Okafor, Precious,22"
        " Maine Drive,DE21 4HN,open\nLeon Carty, 15, 62 Hockwell Ring LU4 9NH. aged 15 Luton"
        " LU4 9NH. | Ref | Area | RAG | / | CR-14 | Fleetville | Amber |\nsys_log: src=VAHT_CRM;"
        ' "occurred_at","suspect_name" / lil_dre.cv6: "u lot come"',
        ["Wilson-Okafor", "Hockwell Ring", "lil_dre.cv6"],
        ["15 Luton", "Amber", "sys_log", "VAHT_CRM", "occurred_at", "suspect_name"],
    ),
    (
        "names with initials: a surname in capitals and its initials, an initial before a"
        " capitalised surname; 'D.O.B.' after a surname is no initials",
        "stop of four males: MAGUIRE, P.J., Kyle BONSER and T Adams-Kelly. banned: O'CONNOR T.."
        " Mrs MACKIE, D.O.B. 02/03/1950, of Dyce.",
        ["MAGUIRE", "P.J.", "T Adams-Kelly", "CONNOR T."],
        ["D.O.B."],
    ),
    (
        "nicknames and names after 'names given:', a quoted nickname before an age in"
        " brackets, and a quoted one known somewhere 'as'; 'names given: none' stays",
        'names given: jordan stradbroke aka skinny. her grandson Liam ("moz", 13) picked on.'
        ' driven by an older male known locally as "gaz". Other names given: none.',
        ["stradbroke", "moz", "gaz"],
        ["names given: none"],
    ),
    (
        "in a log in capitals, a month and year after a court, days and their hours after a"
        " slash, and a count's range stay no reference; a school named like a street, and an"
        " area and its street after 'at', stay no address",
        "ORDER FROM CARLISLE FAMILY COURT JAN 2024. OP HAVEN PATROLS FRI/SAT 1800-0200. STAFF"
        " REPORT 12-15 YOUTHS ON BIKES. UNITS ON SCENE AT HOLME WOOD, TONG STREET END. A group"
        " of 8 Framwellgate School age kids.",
        [],
        [
            "JAN 2024",
            "FRI/SAT 1800-0200",
            "12-15 YOUTHS",
            "HOLME WOOD, TONG STREET",
            "8 Framwellgate",
        ],
    ),
    (
        "structured values typed loosely: a CRIS column, a +44 number dotted, an S for a five,"
        " an NHS number dotted, a first of two dates of birth, a day in words, a plate split by"
        " a slash, a partial plate with an O in its age, a code a few words after its cue; a"
        " reference to a year stays",
        "Jermaine (+44.7700.900.566) and Dino (07700 900 S71). NHS 339.762.6005 passed on. dob"
        " first 12 6 08 then 12/06/2009. DOB fourteen-03-2001, mob. reads LD19 / OKR on one"
        " camera. read as GX7O UN?, half hidden. Home Office ref on his letter P1187734/2. claim"
        " ref he read out PIP 4471 0928. ref to the 2024 budget. Sheet: | name | dob | CRIS | /"
        " | HENRY, Malik | 02/11/2004 | 5213308/25 |",
        [
            "5213308/25",
            "+44.7700.900.566",
            "900 S71",
            "339.762.6005",
            "12 6 08",
            "fourteen-03-2001",
            "LD19 / OKR",
            "GX7O UN?",
            "P1187734/2",
            "4471 0928",
        ],
        ["2024 budget"],
    ),
    (
        "a surname in capitals by its form beside a landmark's word, and surnames in capitals"
        " before a forename whatever their word; a street in capitals after a name, and a"
        " body's letters after a town, stay",
        "Hi both, update on Nathan GREEN at the flats. Cases: FARM, Tyrese; MANOR, Jaden;"
        " HENDON, Corey. Lives on Rose LANE near the park. Preston CSP Tasking at 10.",
        ["GREEN", "FARM", "MANOR", "HENDON"],
        ["Rose LANE", "Preston CSP"],
    ),
    (
        "London's lines named like people, a farm's or a barn's name before its people or"
        " section, a month's short form after a day's number, and 'VEH' stay; a name before"
        " 'Direct line' goes",
        "Brixton tube (Victoria line) staff. Shouting at Elizabeth line staff. Park Barn youths"
        " egging cars. Broadwater Farm section: quiet. BID wardens from 1 Sept. Street"
        " drinking. RP STATES VEH PARKED ACROSS HER GARAGE. Please ask for: Lowri Mathias  "
        " Direct line: 01632 960 554.",
        ["Mathias"],
        ["Victoria line", "Elizabeth line", "Park Barn", "Broadwater Farm", "1 Sept", "VEH"],
    ),
    (
        "values typed one character at a time: an NHS number whose cue is out of reach, a"
        " reference's check letter apart; ten digits that fail the check stay",
        "Her NHS number, copied from the care plan she keeps by the door: 6 9 2 1 7 4 2 1 8 0;"
        " GP aware. NINO S T 1 9 4 4 2 0 A given. Score sheet 1 2 3 4 5 6 7 8 9 1 for the"
        " five-a-side.",
        ["6 9 2 1 7 4 2 1 8 0", "A given"],
        ["1 2 3 4 5 6 7 8 9 1"],
    ),
    (
        "a PNC id with stray spaces by its slash, a phone's trunk zero apart, a number read out"
        " with letter O's among its digits, and an e-mail spaced about its @ and dots; a"
        " sentence's 'me @ home.' stays",
        "PNC 20/  331902 F). Hext's phone 0  7700  900  939. mob for jordan oh 7 7 oo 9oo 6 4"
        " 6. e-mail malik.h1987 @ outlook . com. Text me @ home. Then we go.",
        ["331902", "0  7700  900  939", "oh 7 7 oo 9oo 6 4 6", "malik.h1987 @ outlook . com"],
        ["me @ home. Then"],
    ),
    (
        "plates: a one typed as l in the age, a zero for a letter O, every character apart"
        " but the first two, the start caught with a letter O; a postcode of the same shape"
        " stays a postcode's",
        "V5C for WM l9 XTP (grey). Fiesta WL 20 N0X. Could be AE59 FT0. Vehicle a silver L200"
        " LJ65 0XA. a blue fiesta AU 6 3 F X R parked. partial WU7O sumthin. Lives at"
        " BS13 0ND.",
        ["WM l9 XTP", "WL 20 N0X", "AE59 FT0", "LJ65 0XA", "AU 6 3 F X R", "WU7O", "BS13 0ND"],
        ["silver L200"],
    ),
    (
        "a date of birth with lower-case o's for its zeros in a date's parts, a quoted CSV"
        " table's cells, and a flat and its street split by the table's comma; O2 stays",
        'dob o3-09-o7 on his bike. switched to o2 last week. export: "ref","name","dob","phone"'
        ' / "PCC-ASB-24-1182","O\'Neill, Bradley","1999/04/17","077 00 90 04 83"\nrows:'
        " case_ref,name,dob,address,postcode / CC-1907,Mitchell Opie,2005-02-01,Flat 3, 8"
        " Church Street,TR15 3AH / CC-1908,Amy Lee,2001-01-01,9 Mill Lane,TR15 3AJ",
        ["o3-09-o7", "O'Neill", "1999/04/17", "8 Church Street", "Flat 3"],
        ["o2 last week"],
    ),
    (
        "references: one in brackets after its cue, a force's letters joined by '&'; an Act"
        " and its year in brackets, and a record's verb before a year, stay",
        "Ruby's UC claim (UC 4402 1178 01) flagged. Intelligence D&C-INT-25-07713 – Bodmin."
        " Injunction (ASBCPA 2014 s1) granted. licence shows 2000 but custody says 2001.",
        ["4402 1178", "D&C-INT-25-07713"],
        ["ASBCPA 2014", "shows 2000"],
    ),
    (
        "names: a first name then a word of a trade or a comparative, a writer naming"
        " themself, a child named like a place by its age, a nickname known somewhere 'as';"
        " a cartoon's name stays",
        "Gemma Lusher came in upset. 1 is Kyle Mower. hi sarge its me, Brooke. Her son Bentley"
        " (11) broke it. Male known round the city centre as scouse dean. Gave his name as"
        " Mickey Mouse.",
        ["Lusher", "Mower", "Brooke", "son Bentley", "scouse dean"],
        ["Mouse"],
    ),
    (
        "names in capitals: a surname first with a comma, a surname after a middle name; a"
        " town after a preposition stays",
        "ONE DETAINED - KIRKHAM, JORDAN LEE. From Harpreet KAUR SANDHU (web form). UNITS TO"
        " LEEDS, JORDAN LEE SEEN.",
        ["KIRKHAM", "SANDHU"],
        ["TO LEEDS"],
    ),
    (
        "bodies and places: a council's team or department after its name, a town named for"
        " a king whole, a force joined by 'AND' in capitals, Welsh bodies by 'Cymru' or their"
        " first word, a river, days in the plural, a team's letters before a comma, a town"
        " before its council though a person shares it; a name after 'Council' as a person"
        " stays",
        "Peterborough City Council PES issued 19. Wrexham Council Parks estimate. Gaywood,"
        " King's Lynn: welfare. DEVON AND CORNWALL POLICE TO REVIEW. Natural Resources Wales"
        " (Cyfoeth Naturiol Cymru). Ysgol Gyfun Ystalyfera Bro Dur. by the River Alyn. Level"
        " Street Saturdays 2-5pm. Walsall NHT, Beechdale. Dudley TOLLEY (79); Dudley Council"
        " told. Swindon Council and PC Jo ELY.",
        ["TOLLEY", "ELY"],
        [
            "Council PES",
            "Council Parks",
            "King's Lynn",
            "DEVON AND",
            "Naturiol Cymru",
            "Bro Dur",
            "River Alyn",
            "Saturdays",
            "NHT, Beechdale",
            "Dudley Council",
        ],
    ),
    (
        "addresses: a flat and a block then the estate's name; 'UNITS' in capitals is no"
        " flat, and a named forge before 'Academy' is a school",
        "resident of Flat 3, Block 11, Heronbank has been. UNITS ATTENDED DEVONPORT PARK RE"
        " ASB. Ormiston Forge Academy assemblies.",
        ["Heronbank"],
        ["DEVONPORT PARK", "Ormiston Forge Academy"],
    ),
    (
        "a number read out partly in words, its typed digits apart, stays one number;"
        " a reference's digits apart are still joined",
        "Her number is oh seven seven 0 0 9 0 0 4 5 6, she said. Police side she gave us 42/"
        " 1 8 5 5 3 4 /24.",
        ["oh seven seven 0 0 9 0 0 4 5 6", "1 8 5 5 3 4"],
        ["she said"],
    ),
    (
        "a table's row with its name written surname first, and a bar table's rows parted by"
        " two bars; its plain columns and the prose after it stay",
        "ASB warnings Q3: name,dob,area,stage | DAVIES Rhiannon,02/10/2004,Tanerdy,Stage 1 |"
        " Morgan-Jones, Tristan,2003-11-30,Johnstown,Stage 2 | Macsen Harries,14.08.06,"
        "Carmarthen town centre,CPN warning | notes: Tanerdy and Johnstown remain hotspots."
        " Log export 01/12/24 – ref | area | reporter | phone | issue || RIV-24-08812 |"
        " Kensington | Ștefan Munteanu | 07700900417 | noise || RIV-24-08819 | Everton | li na |"
        " +44 (0)7700 900 862 | harassment",
        ["Morgan-Jones", "Harries", "| li na |"],
        ["Johnstown,Stage 2", "Tanerdy and Johnstown remain", "| Everton |", "harassment"],
    ),
    (
        "a date of birth with letters for its digits (O and l), and a passport's number"
        " after 'PP'; a page's number stays",
        "Tenant Ms T. ADEYEMI (dob O3.ll.1987) says. DL KARIM010090YO9TX PP 503 887 112."
        " See PP 2 of the report.",
        ["O3.ll.1987", "503 887 112"],
        ["PP 2 of the report"],
    ),
    (
        "two places joined by 'and' where a noun of places follows or 'between' comes"
        " before; two surnames and two first names joined stay people",
        "Torry and Kincorth youth calls down. Whifflet and Kirkshaws up (x9, x6). On the path"
        " between Middlefield and Heathryfold. Baguley and Northenden PCSOs to patrol. Smith"
        " and Jones patrols; Kayleigh and Jade quiet.",
        ["Smith", "Jones", "Kayleigh", "Jade"],
        [
            "Torry and Kincorth",
            "Whifflet and Kirkshaws",
            "Middlefield and Heathryfold",
            "Baguley and Northenden",
        ],
    ),
    (
        "Welsh bodies and places by their first word, towns by their hyphened joints, places"
        " in a list of counts, a place's other name in brackets, a tower named by a"
        " possessive, an airport, and the Welsh words of a note; people with ages in a list,"
        " a speaker and their agency, a named house and a person in brackets after a town stay",
        "Tutor at Coleg Cambria; Theatr Brycheiniog staff. Church, Oswaldtwistle and"
        " Clayton-le-Moors. Reports: Chadderton 5, Glodwick 9, Derker 7, Fitton Hill 4."
        " Holyhead (Caergybi): ASB up. Nr Prince Rupert's Tower; John Lennon Airport. Yn"
        " Gymraeg: Adolygiad Achos; call back dydd Llun. Youths: Kyle 15, Jade 14. Sarah"
        " (Council): what times? Noise from Tŷ Gwyn, 4 Ffordd Garth. Camborne (Jago Rowe, 17).",
        ["Kyle", "Jade", "Sarah", "Tŷ Gwyn", "Jago Rowe"],
        [
            "Coleg Cambria",
            "Theatr Brycheiniog",
            "Clayton-le-Moors",
            "Chadderton 5, Glodwick 9, Derker 7, Fitton Hill 4",
            "Holyhead (Caergybi)",
            "Prince Rupert's Tower",
            "John Lennon Airport",
            "Yn Gymraeg: Adolygiad Achos",
            "dydd Llun",
        ],
    ),
    (
        "a full name found beside an age recurs alone, and a name before ', first name n/k';"
        " a nickname's words and a place in a group's name do not recur",
        "Spoke to deshawn oyelaran (14), both cheeky. deshawn says his brother drives. AND"
        ' MCLEAN, FIRST NAME N/K. Owner Mick "the Dog" ARMSTRONG; Council Dog Warden paged.',
        ["deshawn says", "MCLEAN"],
        ["Dog Warden"],
    ),
    (
        "a PNC id's serial typed in groups after its cue, and a plate with its age's digits"
        " apart; a man after a PNC id's groups stays",
        "Linked adult (PNC 2O1O/0 338 172 H) and PNC 15/ 448 120 R. Paston | FH 5 9 YTE |;"
        " white Berlingo RV6 8 YHO. PNC 15/ 448 120 A man ran off.",
        ["338 172 H", "448 120 R", "FH 5 9 YTE", "RV6 8 YHO"],
        ["A man ran off"],
    ),
    (
        "landmarks named with a king's numeral, a vehicle by its colour, a town's possessive"
        " first word alone, a place named by someone's possessive, a custody suite by its"
        " place, and an Irish plate after 'plates'; a person with a colour's surname and a"
        " custody sergeant stay people",
        "King George V Playing Fields again; result at Queen Elizabeth II Law Courts. Black BMW"
        " X5 and a Silver Passat seen, driver Grey Smith. Walked towards King's Hedges; Wren's"
        " Nest cleared. CUSTODY Hanley: DP Terrence Bloor; Custody Sgt Demelza Hicks. Hire van"
        " on irish plates 191-D-44718.",
        ["Grey Smith", "Terrence Bloor", "Demelza Hicks", "191-D-44718"],
        [
            "King George V Playing Fields",
            "Queen Elizabeth II Law Courts",
            "Black BMW",
            "Silver Passat",
            "King's Hedges",
            "Wren's Nest",
            "CUSTODY Hanley",
            "plates ",
        ],
    ),
    (
        "a date of birth said with its article goes whole; an incident's date with its"
        " article stays",
        "Respondent Ryan DOCHERTY born the 19th of October 2001. Incident on the 3rd of May.",
        ["born the "],
        ["on the 3rd of May"],
    ),
    (
        "a reference typed with its digits apart or with stray spaces between its parts,"
        " after an agency's cue; a national insurance number typed apart is still found, and"
        " a log's date and time, a sentence's dash, a cue's own word and a time after a"
        " reference stay",
        "Police side 42/ 1 8 5 5 3 4 /24. Crime no. 40/ 77312/ 24 issued. Ref ACRO/CRO/ 24"
        " 7701. Tenancy HC/T/ 00 41 118, case no. CB24 P 0 0 7 7 1. NINO J K 6 2 8 1 0 4 B."
        " CAD 4471 22/03/2025 21:14 caller. INC 42/324646/26 - ASB nuisance. INTEL LOG"
        " 25/INT/004412 graded. CAD WMP-12072024-0456 1722 RP STATES.",
        ["1 8 5 5 3 4", "77312/ 24", "24 7701", "00 41 118", "0 0 7 7 1", "6 2 8 1 0 4"],
        ["21:14 caller", "- ASB nuisance", "INTEL LOG", "1722 RP"],
    ),
    (
        "a plate in capitals with '?' for what was not caught, anywhere, and a plate after"
        " 'reg as'; a lesson's period with a question mark stays",
        "Caller gives reg as FN15 ?KD. A Transit BD 15 ?RV; old reg H731 G??; | W 67 L?? |;"
        " an L200 PX 62 ?GE. Can PC 15772 come in Thurs P4?",
        ["FN15 ?KD", "BD 15 ?RV", "H731 G??", "W 67 L??", "PX 62 ?GE"],
        ["Thurs P4?"],
    ),
    (
        "words in lower case before an age in brackets that can only be a name; a group's"
        " word, a boy and a role's letters stay",
        "ID'd ivy rose (16) & summer nash (15); spoke to deshawn oyelaran (14). The lads (16)"
        " and a boy (12). yot case - yp kacper nowak (15).",
        ["ivy rose", "summer nash", "deshawn oyelaran", "kacper nowak"],
        ["The lads (16)", "a boy (12)", "yp "],
    ),
    (
        "a reference's further groups after a space or a slash; a time closing a log's"
        " clause and the next field of a line stay",
        "PSNI ref CC2025 0208 00417. Licence no PLH/LIV/ 0072 19. Notice ref 25 / 00412 /"
        " NOISE. Pupil no. DE-1432 0087. Log 2291 of 30/01 2215. Tenancy ref NVH/TEN/0045128"
        " / DL: OYELA711239AS9XY.",
        ["0208 00417", "0072 19", "/ NOISE", "0087"],
        ["2215.", "/ DL:"],
    ),
    (
        "a plate with its first letter typed apart, the start of a plate before 'something'"
        " and its end after the vehicle; an age before 'something' and a car ending up"
        " somewhere stay",
        "Group's car F Y17 ODR; veh R E70 VXZ (lowered Golf). One is ky15 somethin, the other"
        " MA68 something. A black BMW ending WXL and a Corsa ending OXL. He is 15 something;"
        " the car ending up in a ditch.",
        ["car F ", "veh R ", "ky15", "MA68", "WXL", "OXL"],
        ["15 something", "ending up in a ditch"],
    ),
    (
        "a northern fell or crag, a civic hall, a place before its PSPO or its ward panel, a"
        " log's day and month before a place with no comma, a scheme's name before an"
        " address, notices' letters; a surname that is a hill's word, a Scottish flat and a"
        " family before their address stay personal",
        "Off-roaders on Lambrigg Fell and Low Crag; meeting at Stanley Civic Hall. Eden PSPO"
        " consultation; Clifton Ward Panel minutes. CAD 2291 of 30/01 Cruddas Park, Elswick."
        " Host family under Homes for Ukraine at 7 Byerley Road. Arrested S.5 POA; x3 FPNs."
        " CPW served on Jordan Pike. Stopped Tormod (dob 3.2.90) of 5/2 Dalmeny St eh6 8rg;"
        " the Hussains at 12 The Paddocks.",
        ["Jordan Pike", "5/2 Dalmeny St", "Hussains", "7 Byerley Road"],
        [
            "Lambrigg Fell",
            "Low Crag",
            "Stanley Civic Hall",
            "Eden PSPO",
            "Clifton Ward Panel",
            "Cruddas Park",
            "Homes for Ukraine",
            "S.5 POA",
            "x3 FPNs",
        ],
    ),
    (
        "a name given in part before a bracket saying which part is missing; a word before"
        " such a bracket stays",
        "JAMES WALSH DOB 21/1/09, Ellie-Mae Fenwick dob 29 Nov 2008, ROSSITER (refused first"
        " name). Also Ellis (refused surname) and a female kayla (surname unk). The male"
        " (refused name) ran off.",
        ["ROSSITER", "Ellis", "kayla"],
        ["The male (refused name)"],
    ),
    (
        "a comma table's rows pasted onto one line, parted by bars, after prose with commas"
        " and a colon; its plain columns, and the prose after it, stay",
        "s.35 log export, Southmead, Sat 2 March: time,name,dob,notice_no,direction | 2114,"
        "KYLE DAWE,20030915,DN/0412,48hrs | 2117,marley o'shea,9-Nov-05,DN/0413,48hrs | zone:"
        " Southmead Road, Greystoke Avenue, Southmead Hospital, authorised 1900. All left.",
        ["KYLE DAWE", "marley o'shea", "9-Nov-05", "DN/0413"],
        ["Southmead, Sat 2 March", "2117,", "48hrs", "Greystoke Avenue"],
    ),
    (
        "a phone number broken by a wrap's hyphen or two spaces; time ranges stay",
        "His mob 07700 900 - 562, mum on 07700 9- 00 662, shop 0191 498 0-  556, office"
        " 01632960  733. Patrols 0200 - 0400 then 2300 - 0300.",
        ["900 - 562", "9- 00 662", "498 0-  556", "01632960  733"],
        ["0200 - 0400", "2300 - 0300"],
    ),
    (
        "an e-mail with 'at' for its @ and its dots typed; a shop's web address stays",
        "Contact by email t.oyelaran77 at gmail.com or jo at hotmail.co.uk. Bought it at"
        " argos.co.uk.",
        ["t.oyelaran77", "jo at hotmail"],
        ["at argos.co.uk"],
    ),
    (
        "a date of birth in words after a bare 'b'; a block's capital B and an incident date stay",
        "Subject RODDA, Tamsin Jane b twelfth of September 1989. Meeting in Block B twelfth of"
        " March 2025.",
        ["twelfth of September 1989"],
        ["Block B twelfth of March 2025"],
    ),
    (
        "a street shortened as systems write it, a one-word street with its compass point and"
        " an address after 'addr given', with a lower-case postcode; a count given and a"
        " street's compass point as a direction stay",
        "Lives w/ nan at no 3 Hawthorn Wlk yo11 3 hr. Lives 6 Kingsway West YO24 3 DE. Addr"
        " given 27 Long Cross BS11 0LQ. She was given 2 Penalty Notices. Ran towards Kingsway"
        " West of the park.",
        ["Hawthorn Wlk", "yo11 3 hr", "6 Kingsway West", "27 Long Cross"],
        ["given 2 Penalty Notices", "towards Kingsway West of the park"],
    ),
    (
        "a plate with a letter O in its age after its cue; a date of birth's cue before an"
        " ordinal is not a postcode",
        "One moped reg WK7O BXY seen. PNC: DWAYNE CAMPBELL-REID DOB 1ST JAN 1993.",
        ["WK7O BXY", "DWAYNE", "1ST JAN 1993"],
        ["DOB"],
    ),
    (
        "a double-barrelled surname ending in an organisation's word, and a surname after a"
        " first name of two joined by a hyphen in any case; a verb after a hyphenated name"
        " in capitals stays",
        "Patient Siân Llewellyn-Ward, NHS no. 622 761 4491. PCSO Kerry-Ann Mutton 30877 on"
        " patrol. Reporter kayleigh-ann venner, 88 Bath Road. CALLER GWENLLIAN ELIS-OWEN"
        " REPORTS NOISE.",
        ["Llewellyn-Ward", "Mutton", "venner", "ELIS-OWEN"],
        ["REPORTS NOISE", "Patient", "PCSO"],
    ),
    (
        "the words before a date of birth's cue that can only be a name, in lower case or"
        " capitals; a title, a role, a form's label and a word that is also a name stay",
        "1 detained: jago pascoe d.o.b 09/04/99. Known = kai trelawny dob 17/3/09. Youths incl"
        " tegan rowe dob 1/2/08. Local resident Mr Frank Turner (dob 12/03/1961). SURNAME OSMAN"
        "  FNAMES SAHRA ALI  DOB 010185. Spoke to the lad dob 1/2/08.",
        ["jago pascoe", "kai trelawny", "tegan rowe", "Frank Turner", "SAHRA ALI"],
        ["Youths incl", "Mr ", "FNAMES", "the lad dob"],
    ),
    (
        "a month's short name by its day, a law named for someone, and a pub named for a peer"
        " after 'the' in any case; the person of the same name stays a person",
        "Patrol summary Sat 5 Oct 1800-0000. Advised re Clare's Law application. Lads outside"
        " the Lord Rosebery; door staff at the Lord Collingwood. Lord Smith's dog bit Amy"
        " Hughes.",
        ["Amy Hughes"],
        ["Sat 5 Oct", "Clare's Law", "the Lord Rosebery", "the Lord Collingwood"],
    ),
    (
        "a school, a college or a hospital named for someone, its own words between, in any"
        " case; a pupil who left school and a school's liaison officer by name stay people",
        "Ran off towards Timothy Hackworth Primary. Sir John Hunt Community Sports College"
        " pastoral lead rang. Patrols at thomas ferens academy. kyle left school early; spoke"
        " to Jenna Moore, school liaison officer.",
        ["kyle", "Jenna Moore"],
        ["Timothy Hackworth Primary", "John Hunt Community Sports College", "thomas ferens"],
    ),
    (
        "a town's last word after a word that is no first name, and a place before '&' and"
        " its police in lower case; a keeper in capitals and two people joined by '&' stay"
        " people",
        "Patrol summary Newton Aycliffe: quiet. Passed to devon & cornwall police. RK HUSSAIN"
        " HOLLINWOOD NO INS. kyle & jade went to the park.",
        ["HUSSAIN", "kyle", "jade"],
        ["Newton Aycliffe", "devon & cornwall police"],
    ),
    (
        "a log's day and month before a place, a place in a form's place field, a place"
        " before its beat team, and partners' and systems' names; a Scottish flat before its"
        " street and a person in a source field stay",
        "CAD 6613 of 19/10, Oldfield Park, Bath. Tenant of 2/1, 14 Dumbarton Road. Estate:"
        " Hartcliffe | Tenant: Tracy-Lou Hembrow | Area: Filwood; patrols by Hartcliffe"
        " Neighbourhood Beat Team. Landlord Abri; Datix GWH-228761; Community Speedwatch."
        " Source: Sarah Jones (neighbour).",
        ["2/1, 14 Dumbarton Road", "Tracy-Lou Hembrow", "Sarah Jones", "GWH-228761"],
        [
            "Oldfield Park",
            "Estate: Hartcliffe",
            "Area: Filwood",
            "Hartcliffe Neighbourhood Beat Team",
            "Abri",
            "Datix",
            "Community Speedwatch",
        ],
    ),
    (
        "a town named like a person after 'in', 'near' or 'towards', or before the town it is"
        " in; a first name before it, a surname after it or a body's name after the town stays"
        " a person",
        "Daughter lives in Barry, tel 01446 496 771. Victim of Shirley, Southampton. Youths"
        " ran towards Carlton. Seen in Barry Jones's car; witness Carl Clifton, Nottingham;"
        " spoke to Keith, Leeds City Council.",
        ["01446 496 771", "Barry Jones", "Carl Clifton", "Keith"],
        ["in Barry, tel", "of Shirley, Southampton", "towards Carlton", "Leeds City Council"],
    ),
    (
        "a house's name before its numbered street, flats by their floor's initials, moorings,"
        " a site's plots and three flat parts; a person's surname before the street stays a"
        " person",
        "Letters to Glenview House, 12 Mill Brae Road; TFF, 8 Cotham Vale; GFF, 3 Ashley Road; "
        "Mooring 14, Castle Quay Marina; Plot 3, Moor Lane Traveller Site; Room 6, Flat 2, "
        "Block C, Brunel Point. Kyle Fenwick, 88 Grange Road, rang.",
        ["Glenview House", "TFF", "GFF", "Mooring 14", "Plot 3", "Room 6", "Kyle Fenwick"],
        ["rang"],
    ),
    (
        "a flat after its street, a house number or another, Welsh streets in lower case and"
        " spaced, Gaelic streets, and a date of birth in an XML field; the street alone stays",
        "Complainer at 12 Cathcart Road, flat 2/1; caller at 14 or 41 Elm Bank; 7 heol y bont; "
        "2-3 Tan y Graig; 5 Sràid na h-Aibhne. <DOB>2001-07-19</DOB>. Youths on Cathcart Road.",
        [
            "flat 2/1",
            "14 or 41 Elm Bank",
            "7 heol y bont",
            "2-3 Tan y Graig",
            "5 Sràid na h-Aibhne",
            "2001-07-19",
        ],
        ["Youths on Cathcart Road"],
    ),
    (
        "a landline grouped as written with a digit too many; a freephone line stays",
        "Call back on 01792 496 0218 or 0161 4960 0331. Crimestoppers 0800 555 111.",
        ["01792 496 0218", "0161 4960 0331"],
        ["Crimestoppers 0800 555 111"],
    ),
    (
        "a make and its model are a vehicle, and a plate after them goes; a person whose name"
        " is a make stays a person",
        "Seen: a silver Seat Ibiza, a blue Toyota Aygo and a Nissan Navara T418 KLM. Leon Ford "
        "(17) was driving.",
        ["T418 KLM", "Leon Ford"],
        ["Seat Ibiza", "Toyota Aygo", "Nissan Navara"],
    ),
    (
        "a licensed driver's badge a few words after the driver; a badge with no number stays",
        "Taxi driver Mr Omar BAIG badge HX 2291 refused the fare; he wore a badge on his coat.",
        ["Omar BAIG", "HX 2291"],
        ["wore a badge"],
    ),
    (
        "lakes, hills, islands, piers, lidos and marinas named like people; a person of the"
        " same name stays a person",
        "Youths at Loch Lomond, Lough Neagh, the Isle of Arran ferry, Southsea Esplanade, "
        "Jubilee Lido and Penarth Marina; HM Coastguard attended. Fraser Lomond (14) named.",
        ["Fraser Lomond"],
        [
            "Loch Lomond",
            "Lough Neagh",
            "Isle of Arran",
            "Southsea Esplanade",
            "Jubilee Lido",
            "Penarth Marina",
            "HM Coastguard",
        ],
    ),
    (
        "a reference named after it goes; a service line named the number to ring and an"
        " incident's month after an age stay",
        "Crimestoppers 0800555111 is the number to ring. Boy aged 15, June 2024 incident. "
        "18/2275 is the mappa no.",
        ["18/2275"],
        ["0800555111 is the number to ring", "aged 15, June 2024"],
    ),
    (
        "references after other systems' cues: parcels, cards, clips, hospitals, prisons, VINs,"
        " handsets, certificates, staff numbers, misspelt cues and dotted refs; an Act's year"
        " stays",
        "DPD tracking 1552 8830 4417; Oyster 0618 2240 7719; clip IDs Y7720B1C and Y7720B2D; MRN "
        "M4417320; NOMIS A1182BK; VIN SAJAA01T58FN31245; IMEI 35 882106 441902 7; FAC FAC 07731; "
        "emp. no. K220914; cusody rec cust/4471/nw/24; refernce hb/tac/24/88; their ref "
        "wy.asb.24.3391. Charged under s.5 Public Order Act 1986.",
        [
            "1552 8830 4417",
            "0618 2240 7719",
            "Y7720B1C",
            "Y7720B2D",
            "M4417320",
            "A1182BK",
            "SAJAA01T58FN31245",
            "35 882106 441902 7",
            "07731",
            "K220914",
            "cust/4471/nw/24",
            "hb/tac/24/88",
            "wy.asb.24.3391",
        ],
        ["Public Order Act 1986"],
    ),
    (
        "a reference named after it, letters and a year glued to a serial, a Welsh cue and a"
        " system before a colon, a licensed driver's badge; a plan's year stays",
        "18/2275 is the mappa no; her letter says HB2023/00417. Rhif LCS: LCS 2281940. PH "
        "driver badge PHX 30127. The 2025 plan is the new strategy.",
        ["18/2275", "HB2023/00417", "2281940", "PHX 30127"],
        ["The 2025 plan is the new strategy"],
    ),
    (
        "a system's letters glued to a number another check also claims",
        "Gwent Police inc GWP-310188-0459 logged; NHS no 401 023 2137 on file.",
        ["GWP", "310188-0459", "401 023 2137"],
        ["Gwent Police"],
    ),
    (
        "a date of birth glued to its label, as month and year after it or after an age in a"
        " list, and a first name before its date of birth; a review month stays",
        "Listed: K.DOYLEdob150408, P.MURRAYdob030907. Ellis HART (DOB Jun-06); Nia Evans, aged "
        "15, Feb 2009; Kayden (dob 11/30/2008). Review Mar-25.",
        ["K.DOYLE", "150408", "P.MURRAY", "030907", "Jun-06", "Feb 2009", "Kayden", "11/30/2008"],
        ["Review Mar-25"],
    ),
    (
        "a National Insurance number in threes and other countries' passports; the passport"
        " office stays",
        "NI no. JT 418 225 B. Belgian passport EL7K29R43; Latvian passport LV 4417280. Passport "
        "office closed Mondays.",
        ["JT 418 225 B", "EL7K29R43", "LV 4417280"],
        ["Passport office closed Mondays"],
    ),
    (
        "plates of other countries after their nationality, a dateless plate read out, and"
        " characters spaced unevenly; a nationality before plates with none given stays",
        "Van on Dutch plates VX-218-K; Spanish plates 4417 KRT; read as bravo foxtrot zulu two"
        " two nine; reg W K 7 1  R T Y. Came on German plates, none seen.",
        ["VX-218-K", "4417 KRT", "bravo foxtrot zulu two two nine", "W K 7 1  R T Y"],
        ["German plates, none seen"],
    ),
    (
        "a mobile with its country's code and no plus, a second after a slash, and one read out"
        " without its 0; a count in words stays",
        '"mobile": "447700900561", home 01632 960 118/07700 900 562, or seven seven double oh'
        " nine double oh five six three. seven seven people came.",
        ["447700900561", "07700 900 562", "seven seven double oh nine double oh five six three"],
        ["seven seven people came"],
    ),
    (
        "a meeting room in a civic building and a body with its initials; a flat and its"
        " building stay an address",
        "Panel in Room 2, Wallsend Town Hall and Room 6, County Hall. Metrolink CSR and "
        "Liquidlogic LAS notes. Tenant at Flat 12, Kestrel House.",
        ["Flat 12, Kestrel House"],
        ["Room 2, Wallsend Town Hall", "Room 6, County Hall", "Metrolink CSR", "Liquidlogic LAS"],
    ),
    (
        "an area named after a farm, by what is near it or what it has; a named farm someone"
        " lives at is an address",
        "Youths near Sedge Farm and in the Millbrook Farm car park; order covering Hollins Farm. "
        "Farmer Dai Rees of Pant Glas Farm, Llanbister.",
        ["Pant Glas Farm", "Dai Rees"],
        ["near Sedge Farm", "Millbrook Farm car park", "covering Hollins Farm"],
    ),
    (
        "a model's span begun inside a place's name; a person after it stays a person",
        "Youths at Queen's Park Bolton again; a stall on Brick Lane/Spitalfields; drinking on "
        "Whitehawk Way Fridays. Tom Pryce says.",
        ["Tom Pryce"],
        ["Queen's Park Bolton", "Brick Lane/Spitalfields", "Whitehawk Way"],
    ),
    (
        "a flat in a named building and its Welsh street; a Welsh street alone stays",
        "Tenant at Flat 3, Glanmor House, Heol Fawr, Ely. The lads hang about on Heol Fawr.",
        ["Heol Fawr, Ely"],
        ["hang about on Heol Fawr"],
    ),
    (
        "a Scottish flat by its position without a slash; a bare flat number stays",
        "Complainer resides flat TR, 22 Carron Terrace, Falkirk. Noise from Flat 9 above.",
        ["flat TR"],
        ["Flat 9 above"],
    ),
    (
        "a reference after its system's name in brackets, and a short coded one after a cue",
        "Children's services ref (LCS) 2291847; parking ticket (PCN) WX 0418827; agent ref "
        "HB-QX7-R2. Section 21 notice (S21) served.",
        ["2291847", "WX 0418827", "HB-QX7-R2"],
        ["Section 21 notice (S21) served"],
    ),
    (
        "a log number with a station's letters and its date in words; a time stays",
        "police ref kil 0732 of 9th june and the ref is 1120 of 2nd march; seen at 2330 on 9th"
        " june.",
        ["kil 0732", "of 9th june and", "of 2nd march"],
        ["2330 on 9th june"],
    ),
    (
        "the start of a plate after a hedged cue, a plate by its kind, and a Northern Irish plate"
        " after driving; a road number stays",
        "reg prob. starting KD19, then R16 JNX (private plate) and driving a car LAZ 4410 "
        "along the A1.",
        ["KD19", "R16 JNX", "LAZ 4410"],
        ["along the A1"],
    ),
    (
        "a date of birth with the year first after a name; a review date stays",
        "Youths spoken to: Amir Khan 2009-01-19 (15), Bobbi Lowe 2007.11.02. Review 2025-06-30.",
        ["2009-01-19", "2007.11.02"],
        ["Review 2025-06-30"],
    ),
    (
        "a number after a phone field's '='; a count after '=' stays",
        "Name=J Farrow :: Phone=01632 960 0712 :: Youths=12 :: Area=Hexham",
        ["01632 960 0712"],
        ["Youths=12", "Area=Hexham"],
    ),
    (
        "an export's 'Surname, Forename' in title case; a town and its county stay",
        "| 14/06 | Hussain, Rubina | NFA | Present: Callum, Kian and Leo. Worksop, Notts.",
        ["Hussain", "Rubina", "Callum", "Kian", "Leo"],
        ["Worksop, Notts"],
    ),
    (
        "word-names made a person by the date of birth after them; words before a date stay",
        "tel call from Joy MARSH, DOB 09/09/1975, at home. Summer WOOD dob 3/3/03. Hope Street, "
        "DOB checks pending.",
        ["Joy MARSH", "Summer WOOD"],
        ["Hope Street"],
    ),
    (
        "a constable by PSNI's shorthand; 'cons' as a word stays",
        "Attended by Cons Gentle and Cons Ward. Weighed the pros and cons with the tenant.",
        ["Gentle", "Ward"],
        ["pros and cons"],
    ),
    (
        "places named for saints and landmarks named after people; a person beside a street"
        " abbreviation stays a person",
        "Fans of St Mirren at St Thomas' church; taken to the Royal Victoria Infirmary by the "
        "Burns Monument. Lives at 4 King St John Reilly said.",
        ["John Reilly"],
        ["St Mirren", "St Thomas'", "Royal Victoria Infirmary", "Burns Monument"],
    ),
    (
        "a district of two unknown words after 'towards', its residents and its hub; a"
        " person's possession after 'in' stays a person",
        "Car left towards Builth Wells; Whitmore Reans residents and the Provanhall hub were "
        "told. He went in Mariusz Zielinski's car.",
        ["Mariusz Zielinski"],
        ["towards Builth Wells", "Whitmore Reans residents", "Provanhall hub"],
    ),
    (
        "the nations and police regions as places; a team's initials before an area stay",
        "Police Scotland and Social Work Scotland CareFirst id 55; Actions: YOS, Dyfed-Powys to "
        "lead; Northumbria officers.",
        [],
        ["Police Scotland", "Social Work Scotland CareFirst", "YOS, Dyfed-Powys", "Northumbria"],
    ),
    (
        "an export's name fields in any case, and a family by its name in the plural",
        "ref=MER-ASB-044172; subj_forename=ryan; subj_surname=o'neill; area=SO14. Kershaw family "
        "warned; home visit to the Kershaws. The Smithfield estate.",
        ["ryan", "o'neill", "Kershaw", "Kershaws"],
        ["area=SO14", "The Smithfield estate"],
    ),
    (
        "a month and year after a surname in capitals and a forename; a month is no surname",
        "2 detained: MOFFAT Ellis 10/10/2008, ARMSTRONG Kian Oct 2008. Wei's DOB on file "
        "1968/04/19, Li Na's Apr 2 1971. Review in Oct 2026.",
        ["MOFFAT Ellis", "ARMSTRONG Kian", "Oct 2008", "Apr 2 1971"],
        ["Oct 2026"],
    ),
    (
        "a postcode whose inward code looks like an ordinal's ending, or spaced twice; a road's "
        "exit stays",
        "address flat 4 68 dunstall ave wv6 0nd, or Uxbridge UB8 1  PJ. Take the a1 2nd exit.",
        ["wv6 0nd", "UB8 1  PJ"],
        ["a1 2nd exit"],
    ),
    (
        "a phone number read out with 'o' for a zero; a lone 'o' stays",
        "or text o seven eight two o, nine one three, six seven four. I saw o two of them.",
        ["o seven eight two o, nine one three, six seven four"],
        ["o two of them"],
    ),
    (
        "initials given beside a name in minutes stand for that person where they recur",
        "Present: Sgt Owain Lloyd (OL, South Wales Police); DB – Dawn Brierley (Council). OL "
        "summarised; DB agreed. GMP and the ASB team to act.",
        ["Owain Lloyd", "Dawn Brierley", "OL summarised", "DB agreed"],
        ["GMP", "ASB"],
    ),
    (
        "a name spelled out letter by letter, and the word it spells",
        "C: Agnieszka, A-G-N-I-E-S-Z-K-A. Caller Mr Tanveer Kaleem, spelled K for kilo, A, L, E, "
        "E, M. Route A-1 closed.",
        ["Agnieszka", "A-G-N-I-E-S-Z-K-A", "K for kilo, A, L, E, E, M"],
        ["Route A-1"],
    ),
    (
        "a house number read out in a call; a count of people stays",
        "C: it's forty-two Railway Street, Splott. I'm at seventeen Caerleon Road. Two lads on "
        "Mill Lane; one took his bank card.",
        ["forty-two Railway Street", "seventeen Caerleon Road"],
        ["Two lads on Mill Lane", "one took his bank card"],
    ),
    (
        "a date of birth after 'born in', with or without the place first; a move stays",
        "Lewis Atkinson, who was born in March 1999, and Nadia Rahman, born in Luton on 4 March "
        "1997. He moved to Luton in March 2020.",
        ["March 1999", "4 March 1997"],
        ["Luton", "March 2020"],
    ),
    (
        "a rank written out before a surname that is also a town; the town stays",
        "Dear Chief Inspector Holt, I write for constituents in Holt. Detective Sergeant Ashby "
        "replied.",
        ["Inspector Holt", "Sergeant Ashby"],
        ["constituents in Holt"],
    ),
    (
        "a house number and an estate's name with no street word; a count, a town, a word stay",
        "Music from 16 The Larches most nights; the family moved into 24 kingsmead in May; man "
        "at 17 Oakfield runs a garage. A group of 4 outside the shop, 3 youths near Wakefield.",
        ["16 The Larches", "24 kingsmead", "17 Oakfield"],
        ["4 outside", "3 youths", "Wakefield"],
    ),
    (
        "two lower-case first names that then act; a pair of words stays",
        "heard that will and rich were selling vapes. year 9 girls ruby and summer are targeted. "
        "bread and butter were left out, he will call back.",
        ["will and rich", "ruby", "summer"],
        ["bread and butter", "he will call back"],
    ),
    (
        "a lower-case name opening a clause before what a person says or does; a month stays",
        "reggie says hunter started it. penny lives at flat 14. june had been quiet she said.",
        ["reggie", "penny"],
        ["june had been quiet"],
    ),
    (
        "a possessive typed without its apostrophe before a relation",
        "we live at 3 the crescent. keegans mum is tina and she shouts at the lads.",
        ["keegan", "tina", "3 the crescent"],
        ["the lads"],
    ),
    (
        "surnames in capitals before ages in brackets; a unit count stays",
        "ARRESTED: HUNTER (19), MERCER (22) AND LINCOLN (20). MERCER NO COMMENT. UNITS (2) "
        "ATTENDED.",
        ["HUNTER", "MERCER", "LINCOLN"],
        ["UNITS (2)"],
    ),
    (
        "pubs named for a title are not houses; prayers are not people; a modal is not a name",
        "Visit to The Marquis of Granby, Hope Street and THE STERLING ARMS, LINTHORPE ROAD. "
        "Worshippers leaving Fajr abused after Maghrib. Our officer will install a monitor.",
        [],
        [
            "The Marquis of Granby, Hope Street",
            "THE STERLING ARMS, LINTHORPE ROAD",
            "Fajr",
            "Maghrib",
            "officer will install",
        ],
    ),
    (
        "codes after a word for a reference, a card's number, capitals with many digits",
        "Booking ref HMQ4X8ZB; Pop card no. 633597 0119 4421 8820; breach of CBO (43EW1120225); "
        "Torus tenancy TOR/T/771042; NIHE/TR 7742-19; police_ref=44250161002. Route X43, A614.",
        [
            "HMQ4X8ZB",
            "633597 0119 4421 8820",
            "43EW1120225",
            "TOR/T/771042",
            "NIHE/TR 7742-19",
            "44250161002",
        ],
        ["Route X43", "A614"],
    ),
    (
        "foreign numbers dialled with 00; a reference that starts with two zeros stays a reference",
        "Owner in Cork: 00353 87 412 9930, or 0040 (0) 722 418 903. Claim no. CLM 0098 2231 77. "
        "Call 0300 123 4567.",
        ["00353 87 412 9930", "0040 (0) 722 418 903", "CLM 0098 2231 77"],
        ["0300 123 4567"],
    ),
    (
        "identifiers grouped another way after their own names",
        "nhs=640 1177  492; passport no. 5 3 3 1 2 8 7 0 4, passport GBR 507718342; personalised "
        "W4 YNE; reg poss NK13 K.. Seen 3 times at 22:15.",
        ["640 1177  492", "5 3 3 1 2 8 7 0 4", "GBR 507718342", "W4 YNE", "NK13 K"],
        ["3 times", "22:15"],
    ),
    (
        "a date of birth in words or year first beside a name; an incident's date stays",
        "Mrs Kathleen Brogan, sixth of May nineteen fifty, widow. PATEL, Harshad|19540709|LE4 6PN. "
        "Seen on the fourth of June this year.",
        ["sixth of May nineteen fifty", "19540709", "Kathleen Brogan"],
        ["fourth of June"],
    ),
    (
        "a Gaelic surname of three words",
        "Driver Ciarán Mac Giolla Bhríde (staff no 4417) had his window put in at Falls Road.",
        ["Ciarán Mac Giolla Bhríde"],
        ["Falls Road"],
    ),
    (
        "a plate read out in the phonetic alphabet; a call sign stays",
        "Caller gave the reg as Yankee Hotel one nine, Kilo Foxtrot Papa. Unit Sierra 21 and "
        "Delta one two attended.",
        ["Yankee Hotel one nine, Kilo Foxtrot Papa"],
        ["Sierra 21", "Delta one two"],
    ),
    (
        "a plate with its characters typed apart",
        "REG GIVEN AS y h 6 9 k x o, and a civic read as AK 66 R K E. Seen on 12 may at 21:40.",
        ["y h 6 9 k x o", "AK 66 R K E"],
        ["12 may", "21:40"],
    ),
    (
        "references in a list after one system's word, spaced each their own way",
        "Previous reports: police 4412 15/01/24, 0987 02/02/24; refs A0245671, A 024 7781. "
        "Seen at 14:10 on 02/03/24 and 3 kids.",
        ["4412 15/01/24", "0987 02/02/24", "A0245671", "A 024 7781"],
        ["14:10", "02/03/24", "3 kids"],
    ),
    (
        "a year and a serial, or a log's date and number, with no cue",
        "GMFRS 24/009812 attended; previous one 240128/1175. Fine £1,200/month, 12/05 at 21:00.",
        ["24/009812", "240128/1175"],
        ["£1,200/month", "12/05", "21:00"],
    ),
    (
        "a whole date long ago with no cue is a date of birth; an event's date stays",
        "Nuala Byrne, H&C no. 320 418 7726, 30/1/57, of 6 Glenard Brook. Tenancy since "
        "12/09/2009; served 4 March 2011. Next panel 25 April 14:00, review 03/05/2024.",
        ["30/1/57", "Nuala Byrne", "6 Glenard Brook"],
        ["12/09/2009", "4 March 2011", "25 April 14:00", "03/05/2024"],
    ),
    (
        "the town before a postcode is a place, not a person",
        "Caller lives at 14 Bryn Road, Llanrug LL55 4AP, and her neighbour Gethin Rowlands shouts.",
        ["14 Bryn Road", "LL55 4AP", "Gethin Rowlands"],
        ["Llanrug"],
    ),
    (
        "a pub named after a title and a name",
        "Fight outside The Marquis Wellesley; Owen Pryce was on the door at The Sir John Moore.",
        ["Owen Pryce"],
        ["The Marquis Wellesley", "The Sir John Moore"],
    ),
    (
        "a label that opens a reference code is not a name",
        "Raised by Tendring environmental team. Case TDC-ENV-7713. Complainant Rosie Akers.",
        ["TDC-ENV-7713", "Rosie Akers"],
        ["Case"],
    ),
    (
        "a police force or a prison named with a place",
        "Shared with Dyfed-Powys Police IOM; Kelvin Shaw was released from HMP Parc on Monday.",
        ["Kelvin Shaw"],
        ["Dyfed-Powys Police", "HMP Parc"],
    ),
    (
        "Welsh organisations and greetings",
        "Helo, neges i Heddlu Dyfed-Powys: mae Rhodri Pugh yn taflu cerrig ger Siop Alun.",
        ["Rhodri Pugh"],
        ["Helo", "Heddlu Dyfed-Powys", "Siop Alun"],
    ),
    (
        "a date of birth in three form fields",
        "Reporting person: DOB day: 22 month: 04 year: 1979. Incident on 03/05/2024 at 21:10.",
        ["22", "04", "1979"],
        ["03/05/2024", "21:10"],
    ),
    (
        "a date of birth after another country's label",
        "Seized ID card: Andrzej Nowak, data urodzenia 1984.11.02, found on 12.03.2024.",
        ["Andrzej Nowak", "1984.11.02"],
        ["12.03.2024"],
    ),
    (
        "a date of birth whose day is not known",
        "Child: Amira Haddad, DOB ??/09/2011 (school to confirm); seen 14/06/2024.",
        ["Amira Haddad", "09/2011"],
        ["14/06/2024"],
    ),
    (
        "a date of birth on the document it was read from",
        "Licence checked: DOB on licence 1991-8-30, issued 2019-10-01.",
        ["1991-8-30"],
        ["2019-10-01"],
    ),
    (
        "a compact date in a CSV row after a name",
        "export: name,forename,dob,ref / PATEL,Ravi,19870612,RP-00412 / opened,20240311",
        ["PATEL", "Ravi", "19870612"],
        ["20240311"],
    ),
    (
        "a postcode split over two form fields",
        "Town: Ely / Postcode part 1: CB7 / Postcode part 2: 4DL / Area: LS6 hotspot list",
        ["CB7", "4DL"],
        ["Ely", "LS6"],
    ),
    (
        "another country's passport after its cue",
        "Only ID was a Latvian passport 48120937; he said he paid £4500 for the car.",
        ["48120937"],
        ["£4500"],
    ),
    (
        "a driving licence with a space in its check characters",
        "Driver produced licence HOLLO 712049 T9 8KD at the roadside, 2 points to add.",
        ["HOLLO 712049 T9 8KD"],
        ["2 points"],
    ),
    (
        "a profile's web address",
        "Videos posted at instagram.com/@bigmo_0121 and on the Hodge Hill Facebook group.",
        ["bigmo_0121"],
        ["Hodge Hill Facebook group"],
    ),
    (
        "plates in a list, each typed its own way",
        "VRMs seen: KD19 VLM, yx 68 tpo and R412 WKS; bus route 43 diverted.",
        ["KD19 VLM", "yx 68 tpo", "R412 WKS"],
        ["route 43"],
    ),
    (
        "collar numbers in a list stay",
        "Collar numbers 4471 and 2290 to patrol Eastfield; crime ref 14/33182/24 raised.",
        ["14/33182/24"],
        ["4471", "2290"],
    ),
    (
        "a number given for a report, with no system named",
        "I phoned on Friday and was given a number 52110093847, they never came back.",
        ["52110093847"],
        ["Friday"],
    ),
    (
        "a street name before the person's real name",
        "Intel: Tiny T (real name Tyrese Obi) runs the line. Says bones is really Callum Pratt.",
        ["Tiny T", "Tyrese Obi", "bones", "Callum Pratt"],
        ["runs the line", "Says"],
    ),
    (
        "his real name is: the pronoun stays",
        "Goes by Ziggy on the estate; I believe his real name is Marek Dudek.",
        ["Ziggy", "Marek Dudek"],
        ["I believe his real name"],
    ),
    (
        "a word-name after a relation's 'of'",
        "Mrs Ojo, mother of Blessing, attended; the owner of Kim's Café gave a statement.",
        ["Ojo", "Blessing"],
        ["Kim's Café"],
    ),
    (
        "a word-name after a rank is the first name",
        "OIC DC Patience Whitlow; exhibits booked in by PC Lovely Ansah at Bootle custody.",
        ["Patience Whitlow", "Lovely Ansah"],
        ["Bootle custody"],
    ),
    (
        "a capital letter alone after a name is part of it",
        "Seen with Jojo K and Shania B outside the chippy; ask A block staff at 9 pm.",
        ["Jojo K", "Shania B"],
        ["A block", "9 pm"],
    ),
    (
        "a name with nothing more known of the person",
        "Seen with Baran (no further details) and Units (no further details) attended at 22:15.",
        ["Baran"],
        ["Units", "22:15"],
    ),
    (
        "one is called, they all call",
        "Two girls keep ringing the bell; one is called Nevaeh. The small lad they all call pip.",
        ["Nevaeh", "pip"],
        ["Two girls", "small lad"],
    ),
    (
        "a name called at someone in quotes",
        'Youths shouting at her and calling her "big Shaz"; boys calling her daughter names.',
        ["big Shaz"],
        ["daughter names"],
    ),
    (
        "a drug line's name is not a person",
        'Runners for the line name "Karma" include Reggie Oduya, 16, on 07700 900 412.',
        ["Reggie Oduya", "07700 900 412"],
        ["Karma"],
    ),
    (
        "an attendee's organisation in brackets",
        "Present: Insp Rhys Vaughan (Gwent Police), Ceri Lewis (Linc Cymru), Tom Oakes (Dev Patel"
        " interpreting).",
        ["Rhys Vaughan", "Ceri Lewis", "Tom Oakes", "Dev Patel"],
        ["Linc Cymru"],
    ),
    (
        "a pair of lower-case street names that then do something",
        "Caller says ghost and zaggy are back. Staff said chips and gravy are sold out.",
        ["zaggy"],
        ["chips and gravy"],
    ),
    pytest.param(
        "a pair of street names the model also claims",
        "caller says blade and zaggy are back on the bikes by the shops.",
        ["blade", "zaggy"],
        ["bikes"],
        marks=GAP,
    ),
    (
        "an older plate typed in lower case after the car",
        "Lads in a black astra m417 rkt doing doughnuts; the corsa a12 and a van left at 9.",
        ["m417 rkt"],
        ["corsa a12 and a van"],
    ),
    (
        "a year of birth marked as all that is known",
        "Nominals | Kyle Bragg | 2008 (yr only) | warning issued 2024 | Ward 3 |",
        ["Kyle Bragg", "2008"],
        ["2024", "Ward 3"],
    ),
    (
        "another country's identity card after its name",
        "Checked dowód osobisty ABK204517 and a Personalausweis T22000129; 2 bedrooms, 3 kids.",
        ["ABK204517", "T22000129"],
        ["2 bedrooms"],
    ),
    (
        "'born' as other countries' papers write it",
        "Ion Popa (născut 03.04.1990), Jonas Weber (geb. 17.08.1985); incident 12.03.2024.",
        ["Ion Popa", "03.04.1990", "Jonas Weber", "17.08.1985"],
        ["12.03.2024"],
    ),
    (
        "a date of birth after a format hint, or after a few words and 'said'",
        "Date of birth (DD/MM/YYYY): 14/02/1991. Asked DOB for the check, caller said "
        '"third of May, nineteen eighty-seven". Seen 02/03/2024.',
        ["14/02/1991", "third of May, nineteen eighty-seven"],
        ["02/03/2024"],
    ),
    (
        "a two-digit birth year read out",
        'Caller Dean Platt, "forty, born eighty-four" he says; born 10 weeks early is a count.',
        ["Dean Platt", "eighty-four"],
        ["10 weeks early"],
    ),
    (
        "a number and name before a town and postcode",
        "Keeper Niamh Doyle, 7 Lisnaree, Banbridge BT32 4LP; 3 Bedrooms, 2 Bathrooms advertised.",
        ["Niamh Doyle", "7 Lisnaree", "BT32 4LP"],
        ["Banbridge", "3 Bedrooms"],
    ),
    (
        "a crime number after CR and a space, a long system number",
        "Crime CR 0051293/24 raised; export row: ASB-24-00702,13240101907,YF70OHB; £1250 taken.",
        ["0051293/24", "13240101907"],
        ["£1250"],
    ),
    (
        "a licensed driver's badge",
        "Taxi driver Amir Shah, badge no 4471, assaulted; PC 4471 attended at 02:10.",
        ["Amir Shah", "badge no 4471"],
        ["PC 4471", "02:10"],
    ),
    (
        "a plate typed in lower case with spaces, and part of a plate",
        "the van is ae 67 kxl, and the moped plate was taped but began LV21; see you on 12 mar.",
        ["ae 67 kxl", "LV21"],
        ["12 mar"],
    ),
    (
        "nickname in quotes inside a full name",
        'Susp is Dominic "Dom" Fairley, seen at the skate ramp at 2317hrs.',
        ["Dominic", "Dom", "Fairley"],
        ["2317hrs"],
    ),
    (
        "surname right after a quoted nickname",
        'Male known as "Shifty" Kowalczyk dealing by the Co-op.',
        ["Shifty", "Kowalczyk"],
        ["Co-op"],
    ),
    (
        "names joined by & and /",
        "Neighbours Pete & Yvonne Whitlock, and Sam / Leanne Oduya, since May.",
        ["Pete", "Yvonne Whitlock", "Sam", "Leanne Oduya"],
        ["since May"],
    ),
    (
        "a child's name after &, a partner after and",
        "Mum Lisa & Kayden (7) were shouted at; Darren Price and Estuary Homes informed.",
        ["Lisa", "Kayden", "Darren Price"],
        ["Estuary Homes", "(7)"],
    ),
    (
        "organisations joined by & and 'and' survive",
        "Passed to Safer Essex & Essex Police; Victim Support and Housing & Communities informed.",
        [],
        ["Safer Essex & Essex Police", "Victim Support and Housing & Communities"],
    ),
    (
        "word-names at a sentence start",
        "Will rang back at 1445. Will you call back tomorrow? Mark it on the plan.",
        ["Will rang"],
        ["Will you call back", "Mark it on the plan"],
    ),
    (
        "a month's name as a name, the month itself",
        "June rang 101 to report it. In June the youths returned; May was quiet.",
        ["June rang"],
        ["In June", "May was quiet"],
    ),
    (
        "SURNAME, Forename",
        "SMITH, John (DOB 01/02/1985) arrested; O'NEILL, Siobhan released. CHELMSFORD, Essex.",
        ["SMITH", "John", "O'NEILL", "Siobhan"],
        ["CHELMSFORD, Essex"],
    ),
    (
        "a word-name as a name, the same word as a street",
        "Rose wants no further contact. Youths gather on Rose Lane most nights.",
        ["Rose wants"],
        ["on Rose Lane"],
    ),
    (
        "lower-case names",
        "spoke to darren mills at the door, he denies playing music after 2300hrs.",
        ["darren mills"],
        ["2300hrs"],
    ),
    (
        "names in capitals",
        "CALLER MOHAMMED IQBAL REPORTS FIREWORKS AIMED AT HIS SHOP IN OSSETT.",
        ["MOHAMMED IQBAL"],
        ["OSSETT", "FIREWORKS"],
    ),
    (
        "a short line in capitals",
        "RP SHARON KEANE ON STANLEY ROAD.",
        ["SHARON KEANE"],
        ["STANLEY ROAD"],
    ),
    (
        "diacritics and apostrophes, no letter left behind",
        "Victim Zoë Ní Bhriain says her ex Łukasz Wiśniewski and Renée D'Souza came to Bolton.",
        ["Zoë", "Bhriain", "Łukasz", "Wiśniewski", "Renée", "D'Souza", "ë", "Ł", "é"],
        ["Bolton"],
    ),
    (
        "initials, titles and role cues",
        "Letter to R. Fenwick; Mr Okonkwo, IP Tanya Briggs, OIC PC Danvers 4412, in Stanley.",
        ["Fenwick", "Okonkwo", "Tanya Briggs", "Danvers"],
        ["Mr ", "IP ", "OIC PC ", "Stanley"],
    ),
    (
        "lower-case title and initial",
        "letter sent to mrs s. rahman re the CPW",
        ["rahman"],
        ["CPW"],
    ),
    (
        "dates of birth in digits and in words",
        "Male born on the 19th of November 1991; DOB of Harvey Cole given as twelfth of March two"
        " thousand and six. Incident June 2024.",
        ["19th of November 1991", "twelfth of March two thousand and six"],
        ["June 2024"],
    ),
    (
        "a date of birth in words without 'on', a birth year",
        "He was born twenty third of june nineteen ninety; his brother born 1993. Seen in 2025.",
        ["twenty", "ninety", "1993"],
        ["Seen in 2025"],
    ),
    (
        "a date of birth right after a name, an incident date survives",
        "subject Kacper Zielinski 21/6/1994 arrested 2 June 2024 at 1915hrs.",
        ["21/6/1994"],
        ["2 June 2024", "1915hrs"],
    ),
    (
        "phone numbers with typos, +44 forms and extensions",
        "tel O7700 900461, mob 077009004612, +44 (0)1632 960 114 or 0113 496 0388 ext 217;"
        " not 101 or 999.",
        ["O7700 900461", "077009004612", "1632 960 114", "0388", "217"],
        ["101 or 999"],
    ),
    (
        "a number a digit short after 'ring'",
        "ring 020 7946 012 (number short); a number of 2000 calls this year.",
        ["7946 012"],
        ["a number of 2000 calls"],
    ),
    (
        "other agencies' references from their cue words",
        "Custody no EX-24-118273. Intel ref ESX-INT-0049182, BTP ref BTP/4471/0936, council"
        " case ASB/2024/0457, CAD 3312. Meeting at 1400, the case closed in 2024.",
        ["EX-24-118273", "ESX-INT-0049182", "BTP/4471/0936", "ASB/2024/0457", "3312"],
        ["Meeting at 1400", "closed in 2024"],
    ),
    (
        "addresses: ranges, flats and blocks, no. 12",
        "Youths at 62-64 Wellesley Road; tenant of Flat 9, Brunel House; the lad from"
        " no. 23 Larch Close. Fly tipping behind Brunel House.",
        ["62-64 Wellesley Road", "Flat 9", "23 Larch Close"],
        ["behind Brunel House"],
    ),
    (
        "addresses: a pair of house numbers, a named house",
        "Noise from 9 and 11 Quarry Lane, and from Bramble Cottage, Church Lane, Tiptree. Fly"
        " tipping on Cranes Farm Road.",
        ["9 and", "Bramble Cottage"],
        ["Tiptree", "Cranes Farm Road"],
    ),
    (
        "a flat, its named block and its street as one address",
        "Address: Flat 4b, The Maltings, 12 Brook St. Youths gather at The Maltings car park.",
        ["4b", "The Maltings, 12", "Brook St"],
        ["at The Maltings car park"],
    ),
    (
        "postcodes with odd spacing",
        "lives CM 20 1AB, or CM2 0 HA as the caller gave it; stopped on the A1 2 PM.",
        ["CM 20 1AB", "0 HA"],
        ["A1 2 PM"],
    ),
    (
        "e-mail addresses and handles in running text",
        "emailed kelly.hart88@example.org; snap: lil_jay.09 and insta @tyler.b_x, posted on"
        " facebook saying he would.",
        ["kelly.hart88@example.org", "lil_jay.09", "@tyler.b_x"],
        ["posted on facebook saying he would"],
    ),
    (
        "a group's name in quotes",
        'Facebook group "Witham Watch" shared the video.',
        [],
        ['"Witham Watch"'],
    ),
    (
        "an e-mail address spelt out in words",
        "email her at lisa dot hart at example dot com; we met at the cafe.",
        ["lisa dot hart", "example dot com"],
        ["we met at the cafe"],
    ),
    (
        "a date of birth right after a name, bracketed or not; an incident date is kept",
        "Susp Aaron Pilling (3/9/96) and Tegan Moss 11 Feb 2001 seen again on 14/11 at the rec.",
        ["3/9/96", "11 Feb 2001", "Aaron Pilling", "Tegan Moss"],
        ["on 14/11", "the rec"],
    ),
    (
        "a date after a name that is recent is an incident's, not a birth",
        "Warning letter to Kerry Ashdown, 2 June 2026, copied to Tendring DC.",
        ["Kerry Ashdown"],
        ["2 June 2026", "Tendring DC"],
    ),
    (
        "name particles and apostrophes leave no letter behind",
        "Complainants Aoife Nic Giolla and Rhodri ap Huw; susp D'ARCY, Conor at the garages.",
        ["Aoife", "Nic Giolla", "ap Huw", "Rhodri", "D'ARCY", "ARCY", "Conor"],
        ["the garages"],
    ),
    (
        "hyphenated first names",
        "Missing from home: Lacey-Jo Tranter, last seen with ROSIE-MAE BARNCLIFFE at the pier.",
        ["Lacey-Jo", "Tranter", "ROSIE-MAE", "BARNCLIFFE"],
        ["the pier"],
    ),
    (
        "a quoted nickname between a name's parts; quoted speech is kept",
        'Marek "Kid" Zielinski shouted "get back inside" at Colin Ruddock.',
        ["Marek", "Kid", "Zielinski", "Colin Ruddock"],
        ["get back inside"],
    ),
    (
        "a rank and a surname in lower case, with or without a collar number",
        "passed to ds okonjo and pcso 4471 brereton, pc attended the address after.",
        ["okonjo", "brereton"],
        ["pc attended", "4471"],
    ),
    (
        "a first name in lower case before 'from' or a reporting verb",
        "dawn from the residents group rang; kieran says the lads will from now on stay away.",
        ["dawn", "kieran"],
        ["will from now on", "residents group"],
    ),
    (
        "an agency's prefixed reference with no cue word",
        "See CHS-ASB-0044190 and NYP/INT/26/0712 before the A-483 meeting at 1400.",
        ["CHS-ASB-0044190", "NYP/INT/26/0712"],
        ["A-483", "1400"],
    ),
    (
        "a numbered house in a named close, a Welsh street, a named old house",
        "Noise from 7 The Spinneys, 22 Heol Tir Du and The Old Vicarage, Mill Lane; not Ffordd"
        " Las.",
        ["7 The Spinneys", "22 Heol Tir Du", "Old Vicarage"],
        ["Ffordd Las"],
    ),
    (
        "ordinary words the model calls a person, and towns, are kept",
        "CALLER STATES NEIGHBOUR PLAYING LOUD MUSIC. Community Trigger raised in Nantwich.",
        [],
        ["PLAYING LOUD MUSIC", "Community Trigger", "Nantwich"],
    ),
    (
        "a mobile typed a digit over or short, with no cue; a time and a date are kept",
        "New number 07700 900 4417 or 07700 90041, she said at 2215 on 03/12.",
        ["900 4417", "90041"],
        ["2215", "03/12"],
    ),
    (
        "a date of birth said, or a year alone, after the cue",
        "Asked his DOB he said 9 March 1983; his brother gave DOB 1979 only. Seen 4 Dec.",
        ["9 March 1983", "1979"],
        ["4 Dec"],
    ),
    (
        "a word-name before a surname no list holds; a word before a word is kept",
        "Call from Blessing Nwachukwu about the Golden Dragon takeaway.",
        ["Blessing Nwachukwu"],
        ["Golden Dragon"],
    ),
    (
        "a lower-case first name and surname after a role cue",
        "her ex tyrone bramwich is at the door again, will call back later.",
        ["tyrone", "bramwich"],
        ["will call back later"],
    ),
    (
        "a town that is a first name, beside a word, and saints' names are places",
        "Youths in Stanley Park then St Austell and St Mary's churchyard; Stanley Okoro present.",
        ["Okoro"],
        ["Stanley Park", "St Austell", "St Mary's"],
    ),
    (
        "in an all-capitals log, the sentence is kept and the name goes",
        "CALLER DOESNT WANT CONTACT. NEIGHBOUR CRAIG ATHERSMITH HAS YOUNG BABY. STAIRWELL CCTV.",
        ["CRAIG", "ATHERSMITH"],
        ["DOESNT WANT", "YOUNG BABY", "STAIRWELL CCTV"],
    ),
    (
        "a name from a community the lists miss, beside a district they miss",
        "Landlord Tendai Mushonga and tenant Nguyen Thi Lan; youths gather in Kirkbyhulme.",
        ["Tendai Mushonga", "Nguyen Thi Lan"],
        ["Kirkbyhulme", "Landlord", "tenant"],
    ),
    (
        "a listed first name in lower case with no cue; ordinary words stay",
        "its that declan again hes been on the wall all night, sick of it",
        ["declan"],
        ["on the wall all night", "sick of it"],
    ),
    (
        "dates of birth listed after one cue, and written with spaces",
        "DOBs on file: 03/04/1971 and 19/11/1975. Her dob 07 08 1990. Visit 02/12.",
        ["03/04/1971", "19/11/1975", "07 08 1990"],
        ["Visit 02/12"],
    ),
    (
        "a person's surname again as a district: the town after an address, before a place's"
        " noun, where someone lived, and on an island",
        "Tenant Mr Dale KIRKBY (DOB 03/03/1990), 9 Tower Hill, Kirkby, L33 1XZ. Lads at Kirkby"
        " station again; his ex used to live in Kirkby. Mrs Joan Barry was seen at Barry Island.",
        ["Dale KIRKBY", "9 Tower Hill", "L33 1XZ", "Joan Barry"],
        [", Kirkby,", "Kirkby station", "live in Kirkby", "Barry Island"],
    ),
    (
        "references strung after one cue ('linked to', 'and'), an agency's letters before its"
        " number, numbers in four groups, a lower-case system's prefix, a station's code with"
        " digits, eleven digits after 44; a collar number, a road and a range of dates stay",
        "Niche occ 25*044198 linked to 25*043771 and 25*041102. WMAS 1147290 - police"
        " 13-25-0104-477 - lincs pol lp-250314-0212; injunction K4NE0611 breached. GMP"
        " CRI/06RR/0009712/24. Two previous: 44250098112 & 44250101740. PC 4410 on the A647,"
        " patrols 04/03-15/05.",
        [
            "25*043771",
            "25*041102",
            "1147290",
            "13-25-0104-477",
            "lp-250314-0212",
            "K4NE0611",
            "CRI/06RR/0009712/24",
            "44250098112",
            "44250101740",
        ],
        ["PC 4410", "A647", "04/03-15/05"],
    ),
    (
        "plates with one dash, after '-plated', in lower case joined by dashes; a passport and"
        " an NHS number grouped oddly after their cues",
        "Van BX17-NTY blocked the lane; a Lithuanian-plated van KRT 551 on the verge; french"
        " plates fg-412-kp and a Golf. Passport 5090 41772, NHS 856 308 37 16.",
        ["BX17-NTY", "KRT 551", "fg-412-kp", "5090 41772", "856 308 37 16"],
        ["on the verge", "and a Golf"],
    ),
    (
        "values read out a word at a time: a reference with its slashes, a postcode's letters, a"
        " NINO in the phonetic alphabet, a code spelled with dashes; counts and a phone stay as"
        " the phone recognizer reads them",
        "OP: Reference? C: four four, slash, zero three one two seven, slash, two five. OP:"
        " Postcode? C: S O four five, six D U. My NI is kilo lima, four four, one eight, seven"
        " two, charlie. Letter ref R-E-V, dash, two two nine one. Two lads, one of them fifteen.",
        [
            "zero three one two seven",
            "four five, six D U",
            "kilo lima, four four",
            "R-E-V, dash, two two nine one",
        ],
        ["Two lads, one of them fifteen"],
    ),
    (
        "a call read out: a postcode's letters and numbers, a birthday long gone, a surname spelled"
        " letter by letter and in the phonetic alphabet, a handle with its dots; a call sign and"
        " this year's date read out stay",
        "OP: Postcode? C: B D twenty-one, four Q T. He was born third of May eighty-two, seen on"
        " the third of May twenty twenty-four. Spells it W, I, S, N, I, E; that's"
        " Sierra-Hotel-Echo-Alpha-Romeo-Delta. Insta is zee dot revs underscore b ten. Oscar Lima"
        " Five to control.",
        [
            "B D twenty-one, four Q T",
            "third of May eighty-two",
            "W, I, S, N, I, E",
            "Sierra-Hotel-Echo-Alpha-Romeo-Delta",
            "zee dot revs underscore b ten",
        ],
        ["third of May twenty twenty-four", "Oscar Lima Five to control"],
    ),
    (
        "what looks like data in a log and stays: this decade's date in a table's cell, a day"
        " before a date, call signs before a word, two places or two forces joined in capitals",
        "ROW 1 | Kilcooley | 21/02/25 | noise |. LOG SAT 22/03 23:55. UNITS KE21 AND KE23 TO"
        " ATTEND. 20:52 OSCAR 4 ATT. SHIRLEY & MAYBUSH NPT BRIEFING; DEVON & CORNWALL POLICE.",
        [],
        [
            "21/02/25",
            "SAT 22/03",
            "KE21 AND KE23",
            "OSCAR 4",
            "SHIRLEY & MAYBUSH",
            "DEVON & CORNWALL POLICE",
        ],
    ),
    (
        "the person a message greets and the one a note asks something of; a greeting to all,"
        " to a team or to a body stays",
        "Hi Morwenna, noise again at the flats. Gethin can you come to Townhill Library? Hi all,"
        " see below. Hello Team, noted. Housing can you call her back?",
        ["Morwenna", "Gethin"],
        ["Hi all,", "Hello Team,", "Housing can you"],
    ),
    (
        "addresses away from cities: a number said in capitals after 'number', a number in words"
        " before a Welsh street, a house named like a place before its street, a farm in lower"
        " case, a farm 'of' a place, a flat and a street with no street word; a boat's index; a"
        " road named with a number stays",
        "CALLER OF NUMBER SEVEN BURGESS ROAD. Mrs Howells, number twenty-seven Heol y Felin. HMO"
        " at Seaview, 18 Torrs Park. chat w/ mr p. dickinson at manor farm, north kelsey road."
        " Quad stolen from Mains of Auchterless Farm. Caller at Flat 2R, 112 Hilltown, DD3 7AU."
        " Boat on CRT index 61208. VAN PARKED ON FORTY FOOT BANK.",
        [
            "SEVEN BURGESS ROAD",
            "twenty-seven Heol y Felin",
            "Seaview, 18 Torrs Park",
            "manor farm, north kelsey road",
            "Mains of Auchterless Farm",
            "Flat 2R, 112 Hilltown",
            "61208",
        ],
        ["ON FORTY FOOT BANK"],
    ),
    (
        "an export's names and birth dates: a JSON name field, an XML name element, a row's old"
        " date in a cell of its own; field names, file names and this decade's dates stay",
        '{"first_name": "Eleri", "last_name": "Pryce-Jones"} <Victim><Surname>McCANN</Surname>'
        '</Victim> 1190,2025-01-19,"KEEBLE, Darren",1982-05-04,Open. cols case_ref,real_name,'
        "first_seen from ASB_cases_export_Q1.csv and IMG_4471.MOV",
        ["Pryce-Jones", "McCANN", "1982-05-04"],
        ["2025-01-19", "case_ref", "real_name", "first_seen", "ASB_cases_export_Q1", "IMG_4471"],
    ),
    (
        "a flat known by its floor, a word first, before its numbered street",
        "Music from upstairs at First Floor Flat, 6 Tern Road; her friend at Second Floor Flat, 14"
        " Ivy Grove rang too. Top floor flats on Tern Road are empty.",
        ["6 Tern Road", "14 Ivy Grove"],
        ["Tern Road are empty"],
    ),
    (
        "flats as a range, a chalet, a street with 'of' in its name",
        "Flats 3-8, 41 Peel Street; Chalet 9, Sandymere Holiday Park; 15 Prince of Wales Road.",
        ["3-8, 41 Peel Street", "9, Sandymere Holiday Park", "15 Prince of Wales Road"],
        [],
    ),
    (
        "an organisation's freephone or service number stays; a person's goes",
        "Ring Crimestoppers on 0800 555 111 or the council on 0300 123 4567; mob 07700 900461.",
        ["07700 900461"],
        ["Crimestoppers", "0800 555 111", "0300 123 4567"],
    ),
    (
        "initials with a surname in either case; a.m. and e.g. are kept",
        "Seen with k.t. mcandrew and R.J. Obiora at 9 a.m. today, e.g. by the lockups.",
        ["mcandrew", "Obiora", "k.t.", "R.J."],
        ["9 a.m. today, e.g. by the lockups"],
    ),
    (
        "a third name part after a found name, and a word-name opening a sentence before 'from'",
        "Driver Gurpreet Kaur Sandhu stopped. Faith from the tenants' group rang; Faith Road shut.",
        ["Gurpreet", "Kaur", "Sandhu", "Faith from"],
        ["Faith Road"],
    ),
    (
        "a listed name written with accents the list does not hold",
        "Mária and Łucja said the lads were back; Ana Lúcia Ferreirá rang at 1900.",
        ["Mária", "Łucja", "Ana Lúcia"],
        ["the lads were back", "1900"],
    ),
    (
        "a flat in a named block with its street and the street's compass point",
        "noise from Flat 9, Tudor Court, Wellington Road North, same as before.",
        ["Flat 9, Tudor Court, Wellington Road North"],
        ["same as before"],
    ),
    (
        "a reference after its system's cue, long or in mixed case",
        "Crime ref AB2025061200417 raised; CRIS 3307714/25; serial 0233 of 12/06/25;"
        " incident 51-2207-0913; housing case note WcH/ASB/4410 opened 12/06/25.",
        ["AB2025061200417", "3307714/25", "0233 of 12/06/25", "51-2207-0913", "WcH/ASB/4410"],
        ["opened 12/06/25"],
    ),
    (
        "a plate after its cue in any format, whole or in part",
        "Veh reg of one XKZ 4471, a pickup P512 RMT, caller caught the plate starting"
        " bf19 and susp veh LM23  KHD; drives nd 71 pwe. Driving at 40 mph on the A38.",
        ["XKZ 4471", "P512 RMT", "bf19", "LM23  KHD", "nd 71 pwe"],
        ["at 40 mph", "A38"],
    ),
    (
        "an identifier after its cue though its letters are invalid or its digits spaced",
        "NINO QQ 98 76 54 D and passport 512 784 330 checked; mob 0 7700 900 512 given.",
        ["QQ 98 76 54 D", "512 784 330", "7700 900 512"],
        ["checked"],
    ),
    (
        "a Scottish tenement flat, a plural or compass street",
        "Calls from 3/2, 41 Copland Road and flat 0/1, 9 Dixon Avenue; also 12 Green Lanes"
        " and 7 Station Road Central. The lane north of the park is quiet.",
        ["3/2, 41 Copland Road", "0/1, 9 Dixon Avenue", "12 Green Lanes", "7 Station Road Central"],
        ["north of the park"],
    ),
    (
        "a numbered building and its street",
        "Complainant of 6 Lindale Court, Marsh Lane says the lifts are vandalised.",
        ["6 Lindale Court, Marsh Lane"],
        ["lifts are vandalised"],
    ),
    (
        "a district after the street, a district with a compass word",
        "Mr Idris Penberthy of 40 Vellan Road, Trevenson, and the East Kesteven panel.",
        ["Idris Penberthy", "40 Vellan Road"],
        ["Trevenson", "East Kesteven"],
    ),
    (
        "a firm, team or landmark named with a place or person",
        "Referred to Halton CSP and Trelawny Lettings; youths gathered on Cleeve Hills and"
        " at Pellow Sands; Sam Okafor called.",
        ["Sam Okafor"],
        ["Halton CSP", "Trelawny Lettings", "Cleeve Hills", "Pellow Sands"],
    ),
    (
        "a nickname between a name's parts, in any case or quotes",
        'Her ex NATHAN "NAILS" BRADSHAW, the lodger kieran "kez" doherty and'
        " Jodie 'Little J' Pickering. She said \"go away\" to them.",
        ["NATHAN", "NAILS", "BRADSHAW", "kieran", "kez", "doherty", "Jodie", "Little J"],
        ['"go away"'],
    ),
    (
        "a surname first with a comma, in any case",
        "Detained: ADEYEMI, Oluwaseun and HARGREAVES, Lily-Mae; intel on kavanagh, declan joseph."
        " Went to DERBY, Friday.",
        ["ADEYEMI", "Oluwaseun", "HARGREAVES", "Lily-Mae", "kavanagh", "declan joseph"],
        ["DERBY, Friday"],
    ),
    (
        "a particle with a name on either side of it",
        "Statement from Bethan ap Gruffydd and mr emyr ap dafydd; Joao dos Reis Almeida present.",
        ["Bethan", "Gruffydd", "emyr ap dafydd", "Joao", "Reis Almeida"],
        ["Statement from"],
    ),
    (
        "initials given an action in minutes",
        "Actions: KT to chase the landlord; JR to refer to MASH. YOT to arrange a visit.",
        ["KT to", "JR to"],
        ["YOT to arrange", "MASH"],
    ),
    (
        "a word-name and surname after a rank or cue, in lower case",
        "pc 2210 grace turner spoke to hope cooper; rp will ring back, will wood be cut.",
        ["grace turner", "hope cooper"],
        ["will ring back", "will wood"],
    ),
    (
        "a date of birth as words or as the nth of the nth",
        "He gave his date of birth as the third of May nineteen ninety-one; her dob is the 4th"
        " of the 11th 1987. Hearing on the 4th of the 11th.",
        ["third of May nineteen ninety-one", "4th of the 11th 1987"],
        ["Hearing on the 4th of the 11th"],
    ),
    (
        "a name in capitals after a custody or interview role, or run into a reference",
        "CUSTODY KX/20931/25 - DETAINEE BOGDAN-IULIAN MARINESCU ARR 0140HRS. INTERPRETER FARIDA"
        " NOORI BOOKED. CALLER DOESNT WANT TO BE NAMED.",
        ["BOGDAN-IULIAN", "MARINESCU", "FARIDA", "NOORI", "KX/20931/25"],
        ["CALLER DOESNT WANT TO BE NAMED"],
    ),
    (
        "a nickname in capitals or lower case after 'goes by' or 'they call'",
        "ONE GOES BY TWIGGY, ANOTHER ONE THEY CALL BISCUIT. they call him back later.",
        ["TWIGGY", "BISCUIT"],
        ["call him back later"],
    ),
    (
        "a word-name after a person's relation",
        "Kyle Baines and his pal Rocky kicked the door; the pal stayed back.",
        ["Kyle Baines", "Rocky"],
        ["the pal stayed back"],
    ),
    (
        "a Gaelic particle before a word, a lower-case initial before a Gaelic surname, 'Md.'",
        "NAMED AS SEAN Mc BRIDE; note by k. o'halloran asb officer; dp Md. Rafiqul Islam;"
        " theres a man with a machete.",
        ["SEAN", "Mc BRIDE", "k. o'halloran", "Md. Rafiqul Islam"],
        ["a man with a machete"],
    ),
    (
        "a nickname word before a lower-case first name",
        "his mate big dave and lil jay were shouting; the big dog barked at a little boy.",
        ["big dave", "lil jay"],
        ["the big dog", "a little boy"],
    ),
    (
        "a word-name before a surname in a list of people",
        "Officers o/s: Storm Hetherley (19) and River Ashworth (17) arguing near the River Tees.",
        ["Storm Hetherley", "River Ashworth"],
        ["River Tees"],
    ),
    (
        "the operator signing each entry of a CAD log, not an operation's name",
        "// 20:11 op 4471 OKONJO: RP called back. // 20:15 op 2290 j. mcbride: unit o/s."
        " 20:30 OPERATOR T. HALLIWELL PANS TO HIGH ST. Op Sceptre: knife arch at the station.",
        ["OKONJO", "j. mcbride", "T. HALLIWELL"],
        ["Op Sceptre: knife arch", "RP called back"],
    ),
    (
        "a room or block in a hall or flat, a lettered flat, a hyphenated Welsh street",
        "Noise from room 9, block D, Fairfax Hall and Room 2, Flat 7, Cedar Court; also"
        " Flat C, 88 Mill Road and 6 Pen-y-Bryn, Bangor. Meeting at the Town Hall.",
        [
            "room 9, block D, Fairfax Hall",
            "Room 2, Flat 7, Cedar Court",
            "Flat C, 88 Mill Road",
            "6 Pen-y-Bryn",
        ],
        ["Bangor", "Town Hall"],
    ),
    (
        "a named house before its street",
        "She lives at The Laurels, 4 Orchard Crescent and he at Bay View, Shore Lane.",
        ["The Laurels, 4 Orchard Crescent", "Bay View, Shore Lane"],
        ["She lives at", "he at"],
    ),
    (
        "a log as its number of its date without a cue, and a system's mixed-case prefix",
        "See 2231 of 14/03 and 0419 of 02/04/25; report UoB-SEC-25-0311 filed; 4 of 12/05 done.",
        ["2231 of 14/03", "0419 of 02/04/25", "UoB-SEC-25-0311"],
        ["4 of 12/05 done"],
    ),
    (
        "dates of birth with dots year first, in Welsh, or as the nth of the nth in words",
        "dob 1990.11.04; born 3 Mehefin 2001; CH: Date of birth? C: second of the fifth,"
        " seventy-nine. CH: Address?",
        ["1990.11.04", "3 Mehefin 2001", "second of the fifth, seventy-nine"],
        ["CH: Address?"],
    ),
    (
        "a phone typed with l for a one, split in pairs, or an extension of one digit",
        "mob 07700 900 3l8, landline 01632 960 44 55 ext 2; patrol 1400-1600 hrs.",
        ["07700 900 3l8", "01632 960 44 55", "ext 2"],
        ["patrol 1400-1600 hrs"],
    ),
    (
        "nationalities, languages, days and vehicle makes are not names",
        "Kurdish male, Sorani interpreter booked for Fri; Slovak Roma family; Mitsubishi Shogun"
        " seen. Spoke to Dilan Aziz.",
        ["Dilan Aziz"],
        ["Kurdish male", "Sorani interpreter", "Fri", "Slovak Roma", "Mitsubishi Shogun"],
    ),
    (
        "a district named after a first name, after its street",
        "Caller at 9 Beech Road, Shirley, SO15 5AB and 4 Kay Street, Beverley, East Riding.",
        ["9 Beech Road", "4 Kay Street"],
        ["Shirley", "Beverley"],
    ),
    (
        "a name no list holds, or a word-name, before an age in brackets",
        "Present: Chidera (14), storm (15, f) and Nnamdi (surname unknown); Units (2) attended.",
        ["Chidera", "storm", "Nnamdi"],
        ["Units (2) attended"],
    ),
    (
        "a name after 'called him', 'they cry', 'his eldest' or an officer in lower case",
        "A youth called him Kasim; the other they cry Moose; his eldest Zsolt was there; swore"
        " at officer j. boateng. The officer attended.",
        ["Kasim", "Moose", "Zsolt", "j. boateng"],
        ["The officer attended"],
    ),
    (
        "a district no list knows, by how English place names end or a town word after it",
        "Youths from Brambleworth and Oakmead met at Fenwick Town; Trey and Jo Abbott left.",
        ["Trey", "Jo Abbott"],
        ["Brambleworth", "Oakmead", "Fenwick Town"],
    ),
    (
        "the answer to 'your name?' in a transcript",
        "CH: And your name? C: Cheng Ploy. CH: Your name please? User: its lark fenwick."
        " CH: What's your name? C: I'd rather not say.",
        ["Cheng Ploy", "lark fenwick"],
        ["I'd rather not say"],
    ),
    (
        "a name no list knows right before 'at' and an address",
        "Hi Sarge, Nkechi at Flat 12, Orchard House says the lift is broken; noise at 4 Elm Road.",
        ["Nkechi", "Flat 12, Orchard House", "4 Elm Road"],
        ["Hi Sarge", "noise at"],
    ),
    (
        "a quoted nickname of several words, with a linking word or in lower case",
        'Known as "Tommy the Tank" or Tom; one known as "the big fella". She said "the end".',
        ["Tommy the Tank", "the big fella"],
        ['"the end"'],
    ),
    (
        "a name before a possessive relation, a title before a hyphenated lower-case surname",
        "Eggs thrown by Kofi's little brother and Anne-Marie's dad; mrs dora okafor-reid rang."
        " The council's son scheme and Tesco's staff helped.",
        ["Kofi", "Anne-Marie", "dora okafor-reid"],
        ["The council's son scheme", "Tesco's staff"],
    ),
    (
        "a firm named after its people, also when one of them is named in the narrative",
        "Begging outside Jia's Nails, Okoro Brothers and Marsh & Rowe Lettings; Jia Chen rang.",
        ["Jia Chen"],
        ["Jia's Nails", "Okoro Brothers", "Marsh & Rowe Lettings"],
    ),
    (
        "a district or landmark whose last word is a surname, after a word that places it",
        "Youths on Windmill Hill and in Blackbird Leys; spoke to Rose Hill and Jo Green.",
        ["Rose Hill", "Jo Green"],
        ["Windmill Hill", "Blackbird Leys"],
    ),
    (
        "a date of birth with a month in another language, after its cue",
        "Tenant (dob 14eg Mawrth 1999); complainant DOB 3 listopada 1975. Hearing 14 Mawrth.",
        ["14eg Mawrth 1999", "3 listopada 1975"],
        ["Hearing 14 Mawrth"],
    ),
    (
        "labelled record fields and initials with surnames in capitals",
        "PERSON RECORD / Surname: ADEBOWALE / Forenames: Tunde; NOMINAL: KHAN, IMRAN;"
        " MARSHALS ON SHIFT P. LOWE / D. OKAFOR. U.K. BORDER FORCE informed.",
        ["ADEBOWALE", "Tunde", "KHAN, IMRAN", "P. LOWE", "D. OKAFOR"],
        ["U.K. BORDER FORCE"],
    ),
    (
        "a stair, pitch or static caravan before its street, a one-word street",
        "Calls from PF1, 12 Leith Walk, 2/R, 8 Union Grove, pitch B7, Meadow Row, van 42,"
        " Sandy Bay Park and 14 Ridgeway. 3 off road bikes seen on 2 Aug. Lumley Road.",
        [
            "PF1, 12 Leith Walk",
            "2/R, 8 Union Grove",
            "pitch B7, Meadow Row",
            "van 42",
            "14 Ridgeway",
        ],
        ["3 off road bikes", "2 Aug."],
    ),
    (
        "a town and its district in a header, an operation's name, a person after 'spoke to'",
        "Coventry Foleshill - Operation Clearway: spoke to Bridget Ward; Shirley ward meeting.",
        ["Bridget Ward"],
        ["Coventry Foleshill", "Operation Clearway", "Shirley ward"],
    ),
    (
        "a coded custody reference, an underscored one after its cue",
        "CUSTODY RECORD EXTRACT 07KD/2291/25; West Mercia ref 00117_I_03052025 raised.",
        ["07KD/2291/25", "00117_I_03052025"],
        ["CUSTODY RECORD EXTRACT"],
    ),
    (
        "a name after a rank kept whole though its surname is a word",
        "Signed PC Amy Ivory 4410; Mrs Rose Baker rang about the ivory keys.",
        ["Amy Ivory", "Rose Baker"],
        ["the ivory keys"],
    ),
    (
        "initials owning each item of an actions list, whatever follows them",
        "Actions: PW closure notice; DK – welfare check; LMcN extra patrols Fri."
        " BTP to review CCTV.",
        ["PW", "DK", "LMcN"],
        ["closure notice", "BTP to review CCTV"],
    ),
    (
        "places known by the words around them; a family after 'the' is people",
        "Quiet week at Carrbrook and Stalybridge; vans on the Longrigg lay-by; youths at the Red"
        " Lion near Loch Fyne and the Isle of Arran. Police Scotland Argyll aware. The Dunne twins"
        " were named by Devon and Cornwall Police. Dawn patrols start Monday;"
        " Dawn-to-dusk closure.",
        ["Dunne"],
        [
            "Carrbrook",
            "Longrigg lay-by",
            "Red Lion",
            "Loch Fyne",
            "Isle of Arran",
            "Police Scotland Argyll",
            "Devon and Cornwall Police",
            "Dawn patrols",
            "Dawn-to-dusk",
        ],
    ),
    (
        "a birth date after a record's words, a transcript's answer, or spaced digits",
        "DOB held: 14/02/1990. Date of birth for the record? Female: the third of the fourth,"
        " oh-nine. lad dob 4 7 10 seen. Meeting held 12/03/2025.",
        ["14/02/1990", "third of the fourth", "oh-nine", "4 7 10"],
        ["Meeting held 12/03/2025"],
    ),
    (
        "partial plates with wildcards, Northern Irish and Irish plates, a plate after a make",
        "Partial reg DE19 ?KW seen; part plate BV?? RTY; Vehicles RXZ 5512 and 06-KE-4410;"
        " white audi wp 18 ftc. Audi A3 was fine.",
        ["DE19 ?KW", "BV?? RTY", "RXZ 5512", "06-KE-4410", "wp 18 ftc"],
        ["Audi A3 was fine"],
    ),
    (
        "references after plural, court, ban and notice cues, letters apart from the number",
        "Pull refs 6130045521 and 6130047719; CADs 2210/04MAR and 1187/19APR; court no."
        " 26/011842; Pubwatch ban KPW 26/014; log SYP 26000451122; incident 0415 of 3 February."
        " CAD update 0127 at 14:00.",
        [
            "6130045521",
            "6130047719",
            "2210/04MAR",
            "1187/19APR",
            "26/011842",
            "KPW 26/014",
            "SYP 26000451122",
            "0415 of 3 February",
        ],
        ["update 0127 at 14:00"],
    ),
    (
        "a house named after an address cue, flats by floor or letters, one-word streets",
        "She gave her address as Penhallow, Treloyhan Crescent; he lives at Flat T/F, 9 Ormonde"
        " Terrace; Ground Floor Flat, 22 Mill Brow; addr 7 broadway; 4 heol glas; Plot 3, Middle"
        " Drove. Staff at Tesco, High Street helped; his 2 mates drove off.",
        ["Penhallow", "T/F", "9 Ormonde", "22 Mill Brow", "7 broadway", "4 heol glas", "Middle"],
        ["Tesco, High Street", "2 mates drove off"],
    ),
    (
        "a family by its people, a relation's lower-case name, a name after an age, a Gaelic"
        " article, names joined by 'n'",
        "Seen the Hartigan lad and the Pickering brothers; his mum sharon rang; her son will ring"
        " back; a 15-year-old, Jaiden, was with them; victim Morag Nic an t-Saoir; kyle n deano"
        " by the shops; the local lads left.",
        ["Hartigan", "Pickering", "sharon", "Jaiden", "Morag", "Saoir", "kyle", "deano"],
        ["will ring back", "the local lads left"],
    ),
    (
        "districts after an address or 'from', places before their residents, buildings named"
        " after people, a Welsh mountain, a greeting; a caller's own words before the name",
        "Youths at 41 Tinsley Street, Bramall Hill again; a quad taken from Drumaness; Killowen"
        " residents told; meeting at Bernard Lacey House; fire on Mynydd Garn; Agent: Noswaith"
        " dda. Caller: I'm Bronwen Tait. A text from Siobhan Keogh; abuse from Kowalczyk.",
        ["41 Tinsley Street", "Bronwen Tait", "Siobhan Keogh", "Kowalczyk"],
        [
            "Bramall Hill",
            "Drumaness",
            "Killowen residents",
            "Bernard Lacey House",
            "Mynydd Garn",
            "Noswaith dda",
            "I'm",
        ],
    ),
    (
        "a reference's letters are no surname, a rank no name, a caller's 'I'm' no resident",
        "Case KLM/ASB/25/0917 opened. Arresting officer pc d. ap rhys 4471. Caller: I'm at 14"
        " Ryecroft Road, help.",
        ["KLM/ASB/25/0917", "ap rhys", "14 Ryecroft Road"],
        ["Case", "officer pc", "I'm at"],
    ),
    (
        "a surname found after a first name in the same case, listed or in no list at all",
        "dp imran tariq hussain aka Zee; BANNED: AMY ROSE WATTS AND TOM; the lad is kieran"
        " penhaligon n his mate; NEXUS SECURITY GURPREET SINGH DHILLON REPORTS 6 YOUTHS; i think"
        " hes called tyler or summat; John Price Tuesday.",
        ["hussain", "WATTS", "penhaligon", "DHILLON", "tyler", "Price"],
        ["or summat", "REPORTS 6 YOUTHS", "Tuesday"],
    ),
    (
        "a chat's speaker, a writer's own name after a greeting or 'me =', a nickname after"
        " 'one called', a listed name after a relation in capitals or 'wife of'",
        "[21:04] Bev: seen them again. [21:06] Update: gone. hi its Sky from no 4. me = kerry"
        " walsh. one called dazza maybe 15. FRIEND CHLOE TOOK HER HOME. mrs ann (wife of derek)"
        " rang. She was called names; one called another a grass.",
        ["Bev", "Sky", "kerry walsh", "dazza", "CHLOE", "derek"],
        ["Update: gone", "called names", "called another"],
    ),
    (
        "a plate's caught start before dots or a lone '?', a bracketed birth date in Welsh",
        'Partial reg "KP12..." and Yamaha SF18 ? partial; Ffion Hughes (3ydd Mawrth 2004).'
        " Hearing (3 March 2026).",
        ["KP12", "SF18", "3ydd Mawrth 2004"],
        ["3 March 2026"],
    ),
    (
        "two-word districts ending in a landmark's word with no first name; Youth Justice; months",
        "Youths gather by Barton Hill and Blackbird Leys; referred to Youth Justice; since"
        " September; Kelly Green and Ashley Park were spoken to.",
        ["Kelly Green", "Ashley Park"],
        ["Barton Hill", "Blackbird Leys", "Youth Justice", "September"],
    ),
    (
        "a greeting before a name is not part of it",
        "Dear Frank, thanks. Hi Orla, see below. Cheers Dave",
        ["Frank", "Orla", "Dave"],
        ["Dear", "Hi", "Cheers"],
    ),
    (
        "a nickname before '(real name …)', a name before a bracket about its surname, 'my X says'",
        "nev n gazza (real name gary pike) drinking; rio (no surname given) ran off; my Ellie-Rae"
        " says they left; my Mum said no; real name believed Dean Hollis.",
        ["gazza", "gary pike", "rio", "Ellie-Rae", "Dean Hollis"],
        ["my Mum said", "believed"],
    ),
    (
        "an old date after a name in a table's next cell; a recent one survives",
        "DP: KEENAN, Ciara-Rose | 14-03-2005 | Apt 3. Meeting | 12-03-2026 | Hall.",
        ["14-03-2005"],
        ["12-03-2026"],
    ),
    (
        "a handle after 'he's' or 'by' a platform, a passport after 'ppt', a lower-case postcode"
        " spaced oddly after its street",
        "on snap he's kd.wills09; on insta by amy.x.k; ppt no 408812376 seen; 12 Ashby Road,"
        " le11 3 tu. Meet on the a1 2 pm.",
        ["kd.wills09", "amy.x.k", "408812376", "le11 3 tu"],
        ["a1 2 pm"],
    ),
    (
        "a birth year in brackets after a name or an age, 'b.' and a year, a date after an age",
        "Youths named: Tyrese Oakley (2009), Maja Wrobel (15, Mar 2010); brother 12 (2013);"
        " Penhallow (b.1958) was at the quay; Jodie is 14 (04/11/11). Closure Order (2014) and"
        " the Housing Act (2004) apply; 3 (2019) units.",
        ["2009", "Mar 2010", "2013", "1958", "04/11/11"],
        ["Closure Order (2014)", "Housing Act (2004)", "3 (2019) units"],
    ),
    (
        "a date of birth in a table's cell after a name, two-digit years and spaces",
        "NOMINAL | OSEI, Kwame | 09 12 1996 | NFA || BALAN, Ionuț | 7/4/03 | Flat 2 |"
        " Meeting | 12/05/25 | panel",
        ["09 12 1996", "7/4/03"],
        ["12/05/25"],
    ),
    (
        "plates with dashes, two spaces, after a make with a space after its letter, and the"
        " end a witness caught",
        "van gf-21-xpo on the verge; Astra KM15  TRW at the lights; Audi R 7PKD; reg ends HWN;"
        " an Audi A3 reg unseen, then the A38 and the M6.",
        ["gf-21-xpo", "KM15  TRW", "R 7PKD", "HWN"],
        ["Audi A3", "A38", "M6"],
    ),
    (
        "a name opening a sentence before a reporting verb, listed or in no list",
        "Neighbour dispute Trealaw. Eirlys says the fence was kicked in. Gruffudd admitted it."
        " Handover from PC 2290. Tesco says the CCTV is kept 30 days. Attendees from the"
        " council.",
        ["Eirlys", "Gruffudd"],
        ["Handover from", "Tesco says", "Attendees from", "Trealaw"],
    ),
    (
        "two joined before a bracket about both, in any case, and someone's lot",
        "Hazel and Marigold (twins, 12) were at the rec; sparky n moth (both about 16) ran off;"
        " the boys and girls (ages 9 and 10) stayed. Seen with Kerrigan's lot and with fizz's"
        " crew, not the council's lot.",
        ["Hazel", "Marigold", "sparky", "moth", "Kerrigan", "fizz"],
        ["boys and girls", "council's lot"],
    ),
    (
        "a surname in capitals after an arrest or report verb",
        "UPDATE: OFFICERS ARRESTED WOJTASZEK AT 14:10 NEAR THE BUS STATION. VICTIM SAYS"
        " DUNPHY THREW THE FIRST PUNCH. ARRESTED THE SAME EVENING.",
        ["WOJTASZEK", "DUNPHY"],
        ["THE BUS STATION", "THE SAME EVENING"],
    ),
    (
        "a place by its own noun after it, after 'of' a name, and not across a spaced dash",
        "Ranger report, Porthleven harbour: Ifan Morgan of Llanybydder says kids are on the pier."
        " Stop 01:10 Kensington Road - grey Fabia seen again.",
        ["Ifan Morgan"],
        ["Porthleven harbour", "of Llanybydder", "Kensington Road - grey Fabia"],
    ),
    (
        "a birth month in Roman numerals, and a transcript's numbered speaker answering",
        "Subject DOB 4-xi-1979 per the agency. OFFICER: And your date of birth? FEMALE 2:"
        " 14/05/02. Visit on 3 March, review in xi weeks.",
        ["4-xi-1979", "14/05/02"],
        ["3 March"],
    ),
    (
        "references read out in spaced groups after a cue, and school and health system ids",
        "PSNI occurrence CC 2025 1103 412 raised; Police Scotland ref PSD 0452 11/06. Pupil UPN"
        " K802211450097, RiO ID RIO7712093. Seen at 18 30, log 5512 18:45 on 2 of 14 floors.",
        ["2025 1103 412", "0452 11/06", "K802211450097", "RIO7712093"],
        ["18:45", "2 of 14 floors", "UPN"],
    ),
    (
        "a plate in brackets after a vehicle, a partial one after a pick-up",
        "Parks a van (yd 14 kfo) on the verge, and a pick-up KR1? HXN is about. A van (white)"
        " sat there.",
        ["yd 14 kfo", "KR1? HXN"],
        ["(white)"],
    ),
    (
        "initials in an attendance list with their agencies, and owning an action with a"
        " bracket or a slash",
        "Panel, Pelsall, 4 June. Present: RT (police), MW (Walsall Council), apologies from"
        " the school. Action: TD/OB to visit; LMcG (NIHE) to write. CCTV (council) is down.",
        ["RT", "MW", "TD/OB", "LMcG"],
        ["CCTV (council)", "NIHE"],
    ),
    (
        "a speaker named with their agency, not a role",
        "Chat log. Hope (Housing): How can I help? Resident (Tenant): the noise again. Adviser"
        " (Kelly): noted.",
        ["Hope"],
        ["Resident (Tenant)", "Adviser"],
    ),
    (
        "a surname in capitals with an apostrophe prefix, a family after 'that', a full name"
        " then the town after a comma",
        "I SAW O'HAGAN AT 10 O'CLOCK. Says that Trewartha boy did it. Keeper Declan Rooney,"
        " Coleraine. Sites at Preston Sands, Paignton.",
        ["O'HAGAN", "Trewartha", "Declan Rooney"],
        ["O'CLOCK", "Coleraine", "Preston Sands", "Paignton"],
    ),
    (
        "a postcode split by a slash, an ASB case number after its letters, a date of birth"
        " after a name and a quoted nickname",
        "Addr: 4 Kings Road / Acocks Green / B27 / 6LT. Whg ASB#25-0091/C opened under the"
        ' ASBCPA 2014. Respondent Tyrell Amponsah ("Tizz"), 11.02.2001, excluded.',
        ["B27 / 6LT", "25-0091/C", "11.02.2001"],
        ["ASBCPA 2014"],
    ),
    (
        "a place after a heading that says where it was held, after 'townland', and a street"
        " never crossing a sentence's full stop",
        "BWV Stockwell, Clapham Road, 01:10. PC: Where's Tyler? Panel, Chesterton, 3 May."
        " Attendees PK (police). Farmer at townland Drumkeeran reports quads. Case note,"
        " Jayden Morris, 14, seen.",
        ["Tyler", "PK", "Jayden Morris"],
        ["BWV Stockwell", "Where's", "3 May. Attendees", "townland Drumkeeran"],
    ),
    (
        "a nickname that is a word, found once, found again in the same case; a word-name"
        " called STORM",
        "pebble n wasp (both 15) on the bins again; later pebble threw a bottle. Storm and"
        " Summer (sisters, 12 and 13) seen. Storm excluded. A wasp nest by the door.",
        ["pebble", "Storm", "Summer"],
        ["A wasp nest"],
    ),
    (
        "a date of birth written solid after a name, and a street named after a person",
        "STOPPED ON NELSON MANDELA WAY: TYRONE OKAFOR-BELL 220906 AND KAI DUNN 03/05/2007."
        " Jo Bell 141224 seen at 0930.",
        ["TYRONE OKAFOR-BELL", "220906", "03/05/2007"],
        ["NELSON MANDELA WAY", "141224"],
    ),
    (
        "dates of birth after typed birth words, in exports and transcripts, in Welsh, a month"
        " and year, a CSV row",
        "D0B:  11 / 03 / 1984; Date of brith: 02-07-1990; person_dob=20090412; DOB per housing"
        " records 9 Feb 1979; (b: 21/11/1985); OP: Date of birth? CALLER: Er, third of June,"
        ' eighty-one. Mam: dyddiad geni pedwerydd ar ddeg o Fai 1977; gave dob as "may 2009";'
        " LEWIS,Ffion,1988-03-14,"
        "Flat 2; Tenant Ada Roe, 79 (04/04/45). DOB not known, seen 2024; review 12/05/2024.",
        [
            "11 / 03 / 1984",
            "02-07-1990",
            "20090412",
            "9 Feb 1979",
            "21/11/1985",
            "third of June, eighty-one",
            "pedwerydd ar ddeg o Fai 1977",
            "may 2009",
            "1988-03-14",
            "04/04/45",
        ],
        ["seen 2024", "12/05/2024"],
    ),
    (
        "references of any system named before its word for a number, read out in groups with"
        " its letters, and not a date or an address after a cue",
        "Carefirst ID CF 4410982; rent acc 300118822; CRN k771203; SCN 162004113; ref was swc"
        " asb 25 0912; tenancy no. LHA 0031 7720; NIFRS inc. 25/00510032; incidents 22/01/2025"
        " and 29/01/2025; STUDENTS AT 14-16 ASH ROAD; log 14/06 10:42.",
        [
            "4410982",
            "300118822",
            "k771203",
            "162004113",
            "swc asb 25 0912",
            "0031 7720",
            "25/00510032",
        ],
        ["22/01/2025", "AT", "14/06 10:42"],
    ),
    (
        "addresses with their 'no.', in a CSV row, a flat by floor and side, Welsh flats, blocks"
        " and streets with diacritics and 'yr'",
        "people at no.14 Larkspur Close; HUGHES,Owain,2003-02-11,9B Maple Road,LL57; Top Floor"
        " Left, 22 Urquhart Road; o Fflat 3, Bloc B, 4 Stryd Fawr; Flat 2, Tŷ Mawr, Bangor Road;"
        " 31 Cwrt yr Eglwys. Paid £1,250 Road fund; at 14:30 Station Road.",
        [
            "no.14 Larkspur Close",
            "9B Maple Road",
            "Top Floor Left, 22 Urquhart Road",
            "Fflat 3, Bloc B, 4 Stryd Fawr",
            "Flat 2, Tŷ Mawr, Bangor Road",
            "31 Cwrt yr Eglwys",
        ],
        ["£1,250 Road fund", "14:30 Station Road"],
    ),
    (
        "a surname that is a word before a bracket about its person; a court number starting"
        " with its year, 'inc. no.', a system's letters before a short number",
        "Family: Gemma Moult (mum, 03/04/1988), Riley Moult (11). Court case no. 2025/C/00412;"
        " SWFRS inc. no. 2506-0071; ref was dmbc asb 01172. Cad update 1745; ASB call 2208;"
        " custody Sgt 1992 Walsh; incident June 2024.",
        ["Moult", "2025/C/00412", "2506-0071", "dmbc asb 01172"],
        ["update 1745", "call 2208", "Sgt 1992", "June 2024"],
    ),
    (
        "a name joined by 'or', or inside a list that 'and' closes; a sign-off's words and a"
        " role after a name survive",
        "Bail: not to contact Shane Rourke or Kacper; the group (Nathan, Oisin and Feeney) was"
        " seen again. Yours, Bethan Lloyd, Tenancy Officer, Coastal Housing.",
        ["Kacper", "Nathan", "Oisin", "Feeney", "Bethan Lloyd"],
        ["Yours", "Tenancy Officer", "Coastal Housing"],
    ),
    (
        "a list of areas with one the lists know: every item is a place; a list of people"
        " stays people",
        "Tasking: Cowplain, Wecock, Crookhorn and Purbrook. Spoke with Kyle, Jodie and Tomasz"
        " Nowicki about the bikes.",
        ["Kyle", "Jodie", "Tomasz Nowicki"],
        ["Cowplain", "Wecock", "Crookhorn", "Purbrook"],
    ),
    (
        "a place named elsewhere in the note before its own word; a first name beside a street"
        " of the same word stays a name",
        "Fires again by Trowell Brook and on Trowell Hill; youths also seen at Trowell. Grace"
        " rang back from Grace Road.",
        ["Grace rang"],
        ["Trowell Brook", "Trowell Hill", "at Trowell", "Grace Road"],
    ),
    (
        "references, PNC ids and plates listed after one found, each the same shape, a"
        " bracket after each; a count after the list survives",
        "NWFRS incident nos 2511-0043, 2511-0172 and 2511-0390 (3 jobs). Plates seen: HJ14 KTE"
        " (silver Astra), HJ19 WDE (red Fiesta); 2 others.",
        ["2511-0043", "2511-0172", "2511-0390", "HJ14 KTE", "HJ19 WDE"],
        ["(3 jobs)", "2 others", "silver Astra"],
    ),
    (
        "a date of birth in a table's slash or bar cell after a name or an age; this year's"
        " date after a name survives",
        "Nominals: MAREK LIS / 19 Mar 91 / no fixed abode — Darcy Heap 16 / 02/11/09 /"
        " Seen by Kyle Moss / 14/03/2026 at the shops.",
        ["19 Mar 91", "02/11/09", "MAREK LIS", "Darcy Heap"],
        ["14/03/2026"],
    ),
    (
        "a date of birth written day first and solid, a year after YOB, two digits after"
        " 'born'; a count after 'born' survives",
        "Detained Ionut Vasile, DoB 17021993; sister YOB 1998; cousin born 89 lives in Sale."
        " Baby born 10 weeks early in 2024.",
        ["17021993", "1998", "89"],
        ["10 weeks", "2024"],
    ),
    (
        "a machine's export: a quoted key before the date of birth; the values of place and"
        " organisation keys survive, as do the keys",
        '{"name": "Ruth Adeyemi", "dob": "1979-05-30", "landlord": "Pennine Homes",'
        ' "area": "Shawclough", "asb_category": "Noise"} and RENT_ACC=77312 LANDLORD=BLUEBELL'
        " HOUSING",
        ["Ruth Adeyemi", "1979-05-30"],
        ["Pennine Homes", "Shawclough", "asb_category", "Noise", "LANDLORD=BLUEBELL HOUSING"],
    ),
    (
        "a faith leader's title before a name; a place's first word in Welsh or Urdu makes it a"
        " place",
        "Pastor Adebayo and Imam Hassan met residents at Canolfan Penrhys and Jamia Masjid"
        " Ghausia; Cyngor Sir Ceredigion to attend.",
        ["Adebayo", "Hassan"],
        ["Pastor", "Imam", "Canolfan Penrhys", "Jamia Masjid Ghausia", "Cyngor Sir Ceredigion"],
    ),
    (
        "an address as a form's or an export's field holds it, up to its town, postcode or next"
        " field; a named house with a number after 'of'; a shop's name before a street survives",
        "Address line 2: Brambling Way Town: Stourbridge Postcode: DY8 4QT. PROP=7B UPPER"
        " MILLGATE SK2 6PQ LANDLORD=ONWARD HOMES. Mr Ince of Fernlea, 9 Mill Street,"
        " Bridlington, YO15 3AB. Youths at Tesco Express, Portswood Road.",
        ["Brambling Way", "7B UPPER MILLGATE", "Fernlea, 9 Mill Street", "DY8 4QT"],
        ["Stourbridge", "ONWARD HOMES", "Bridlington", "Tesco Express", "Portswood Road"],
    ),
    (
        "speakers of a transcribed chat, quoted line by line, and their names in it; a single"
        " quoted note survives",
        'Screenshots: "tiger: who out" / "beans: me n tiger by the rec" / "tiger: ok". Mum'
        ' wrote "Note: keep this" on the back.',
        ["tiger", "beans"],
        ["Note: keep this", "by the rec"],
    ),
    (
        "a name under a sign-off; a relation word before a name; a listed surname opening a"
        " sentence before a reporting verb",
        "His nan Glenys is on board. Okafor believes it was the same lad. Thanks, Tendai |"
        " Housing Team. cheers dan",
        ["Glenys", "Okafor", "Tendai", "dan"],
        ["Housing Team", "cheers"],
    ),
    (
        "a reference given in a transcript's answer, a short one with a system's letters, a rent"
        " a/c, and one with letters after its number; a call's time in the answer survives",
        "Has the council given you a case number? CALLER: Yeah, it's K-ASB 25 0913. Site ref"
        " CPW/INC/204, rent a/c 100772611, row TH-0004418-ASB. What time? CALLER: about 2300.",
        ["K-ASB 25 0913", "CPW/INC/204", "100772611", "TH-0004418-ASB"],
        ["about 2300"],
    ),
    (
        "a date of birth in an age-and-birth field, after a question mark, typed with a letter O,"
        " read out in three parts, after a name in the answer, and after a few words and 'said';"
        " an incident date survives",
        "Age/DOB: 62 / 9-8-63. Tenant (DOB ? 11/11/81 – to confirm), dob 21/O6/2004. Date of"
        " birth? CALLER: oh-two, oh-six, ninety-nine. Date of birth? KAI: Kai Dunn, 3rd of the"
        ' 4th 2006. Asked DOB to confirm – said "first of May, eighty-eight". Seen 12/05/2025.',
        [
            "9-8-63",
            "11/11/81",
            "21/O6/2004",
            "oh-two, oh-six, ninety-nine",
            "3rd of the 4th 2006",
            "first of May, eighty-eight",
        ],
        ["12/05/2025"],
    ),
    (
        "a one-word name before a capitalised common noun names a place or a business; a name"
        " before a verb in a title-cased note stays a name",
        "Cars blocking Audley Range again; youths outside Dixy Chicken and at Hattersley Hub."
        " Kowalczyk Rang Back At 14:00.",
        ["Kowalczyk"],
        ["Audley Range", "Dixy Chicken", "Hattersley Hub"],
    ),
    (
        "a name after 'hi im'; what the writer is doing or feeling there survives",
        "hi im shanice from no 4. hi im writing again, hi im fed up with the noise.",
        ["shanice"],
        ["writing again", "fed up"],
    ),
    (
        "two lower-case first names joined by 'and' after a word that takes people, words among"
        " them; the same words with no such cue survive",
        "saw will and frank on bikes by the garages. he will and he must pay, frank and fair.",
        ["saw will", "and frank on"],
        ["he will and he must", "frank and fair"],
    ),
    (
        "a month's name that is also someone's, repeated beside a day or a year, is the date",
        "Mrs June Askew attended. Clean-up day Saturday 21 June; review June 2026. June agreed.",
        ["June Askew", "June agreed"],
        ["Saturday 21 June", "June 2026"],
    ),
    (
        "a word before a bracket saying whose relation it is names a person; a place's bracket"
        " survives",
        "Eilidh (his partner) apologised and Blessing (the son) will give a statement. Seen at"
        " Stornoway (the harbour).",
        ["Eilidh", "Blessing"],
        ["Stornoway (the harbour)"],
    ),
    (
        "a phone number read out, digits and words mixed; a count in words and a freephone"
        " number read out survive",
        "my number is 07700 900 six four one, or ring oh one one three, four nine six, oh double"
        " two one. oh one more thing: two four six youths. Helpline oh eight hundred, one two"
        " three, four five six seven.",
        ["07700 900 six four one", "oh one one three, four nine six, oh double two one"],
        [
            "oh one more thing: two four six youths",
            "oh eight hundred, one two three, four five six seven",
        ],
    ),
    (
        "a table pasted under its header row, in tabs or commas, its rows on lines; the columns"
        " that are no one's stay",
        "Surname\tForename\tDOB\tPassport\tIssue\nOKORO\tChidi\t04/09/1990\t602118374\tTouting\n"
        "handle,platform,real_name,first_seen\nbridge.st.watch,Instagram,unknown,2025-02-11",
        ["OKORO", "Chidi", "04/09/1990", "602118374", "bridge.st.watch"],
        ["Touting", "Instagram", "2025-02-11", "Surname\tForename"],
    ),
    (
        "a web form's query string, percent-encoded; its town and category stay",
        "https://forms.example.org/asb?forename=Dariusz&surname=Nowicki&addr1=41+Cobden+Street"
        "&town=Luton&pc=LU2%200NG&tel=07700%20900%20514&em=d.nowicki%40example.com&cat=Noise",
        ["Dariusz", "Nowicki", "Cobden", "LU2%200NG", "07700%20900%20514", "d.nowicki"],
        ["town=Luton", "cat=Noise"],
    ),
    (
        "a fixed-width screen's labelled fields and a log's key=value pairs; a make, a town and"
        " a place stay",
        "DVLA ENQ   VRM: KP61 XRT   MAKE: FORD   KEEPER: MR K J ADEBAYO      ADDR: 27 OAK AVENUE"
        '   DUDLEY   DY2 7QP\nevent=stop subj_name="Ishaan Mehta" subj_dob="2003/02/17"'
        ' loc="Dudley bus station"',
        ["KP61 XRT", "ADEBAYO", "27 OAK AVENUE", "DY2 7QP", "Ishaan Mehta", "2003/02/17"],
        ["MAKE: FORD", "DUDLEY", "Dudley bus station", "KEEPER: MR"],
    ),
    (
        "text a machine encoded: HTML references, \\u escapes, OCR's letters for digits, words"
        " broken at a line's end, letters typed apart; a postcode's district stays",
        'Complainant Seamus O&#39;Connor, NHS 944&nbsp;266&nbsp;9427; "Jo\\u00e3o Pereira";'
        " tel O77OO 9OO 3l2, dob l2.O3.l998; DEFENDANT Ja- mie Cart- wright; Name: B r o n w e n"
        "  H u g h e s. Youths seen in the SO15 area.",
        ["Connor", "9427", "Pereira", "3l2", "l998", "mie", "wright", "B r o n w e n", "H u g"],
        ["Complainant", "the SO15 area"],
    ),
    (
        "older plates after a make (suffix style, any case), a plate spaced after its letter,"
        " references a form wrapped at a slash; a bus route and a road stay",
        "Mk2 Escort GHN 431V and a maroon volvo lbu 331t; VEH B 117 XRD (RO); custody no."
        " MW/00773 /25; tenancy ref fh/0077/ 412; the car park by Route 12 and the A614.",
        ["431V", "331t", "B 117 XRD", "00773", "/25", "0077", "412"],
        ["Route 12", "A614", "(RO)"],
    ),
    (
        "an operation's name, a month after a word saying when, a town by its team or county"
        " or after 'in'; the people of those names go",
        "Op Jasmine and Operation Summer Nights start in the town; no reports since early June."
        " beverley snt w/e quiet; Shirley (Hants) ward panel; lads in Beverley again. Mrs June"
        " Green and Beverley Knight rang.",
        ["June Green", "Beverley Knight"],
        [
            "Op Jasmine",
            "Summer Nights",
            "early June",
            "beverley snt",
            "Shirley (Hants)",
            "in Beverley again",
        ],
    ),
    (
        "a number read out in the caller's language, a value with a correction struck through;"
        " a count and a bus stay",
        "podała numer zero siedem siedem zero zero dziewięć zero zero trzy osiem osiem; his is"
        " zero saat saat zero zero, nau zero zero, ek do teen; tel 01632 960 ~~413~~ 431, lives"
        " at ~~17~~ 71 Fairhouse Court. 2 lads got off the 42 bus.",
        ["siedem", "saat", "teen", "413", "431", "17", "71 Fairhouse"],
        ["2 lads", "the 42 bus"],
    ),
    (
        "a name or a date of birth answering a transcript's question, a flat shortened to its"
        " letter; a count read out and the speakers' labels stay",
        "PCSO: name? FEMALE: Kayleigh-Jade Marr. OPERATOR: who am I speaking to? CALLER: erm"
        " Selam Tesfaye. PC: date of birth? MALE: eleven eleven ninety. r/o f4 21 Foundation St."
        " PC: how many? CALLER: one two three of them.",
        ["Kayleigh-Jade", "Marr", "Selam", "eleven eleven ninety", "f4 21", "Foundation"],
        ["one two three of them", "PCSO: name? FEMALE:", "CALLER: erm"],
    ),
    (
        "a code's parts with spaces by its slashes or dashes, plates parted oddly in capitals; a"
        " dash between clauses, 'and / or' and '24 / 7' stay",
        "intel GWP/INT/ 25 /00981; SCRA ref scra/ 25 / 14407; PS-20250217- 1934; plate NX-18 KFO,"
        " car SV 12-LMN, PO15 A XY on the drive, SF70 W.Z.K damaged. ATHENA 42/18774/24 - car"
        " meet at Rayleigh Weir; patrols and / or visits 24 / 7. Clarion case ASB-0044812 /"
        " Peabody tenancy.",
        ["00981", "14407", "1934", "KFO", "LMN", "A XY", "W.Z.K"],
        ["- car meet", "and / or", "24 / 7", "/ Peabody tenancy"],
    ),
    (
        "plates of other countries after their registration or their vehicle, before their"
        " country's code, and each plate in a list of plates; a make and model in a list and a"
        " country's car with no plate stay",
        "Romanian-reg Dacia CJ 44 KLM left; Jersey-reg van J 51893; Guernsey car GBG 4410;"
        " trailer TRX 5512K (LT) parked; Irish van 09 D 77412 at the gate. Plates noted: F 612"
        " PRA, LK 7719, HN21 XOE. Vehicles involved: BMW X5 and Audi A3. A German car was seen"
        " at 22:10.",
        ["CJ 44 KLM", "51893", "GBG 4410", "TRX 5512K", "77412", "F 612 PRA", "LK 7719", "HN21"],
        ["BMW X5", "Audi A3", "A German car was seen at 22:10", "(LT) parked"],
    ),
    (
        "councils' case systems by their names, a log with its date glued on, a UK number dialled"
        " with 00 44 or parted by slashes, a PNC id with its check letter apart; 'in uniform' and"
        " 'doesn't connect' stay",
        "Uniform ref 23/04418/ENV; Flare 25/00613; Ctax acct 52271904; Connect 02/5581203/25;"
        " CAD0917/03APR and log1122of6/4; brother 00 44 7700 900 518 or 07700 / 900 / 264; PNC"
        " 2009/ 0477120 K. PCSOs in uniform 1400 to 1600; line doesn't connect. Tried again"
        " 17:05.",
        [
            "04418",
            "00613",
            "52271904",
            "5581203",
            "0917",
            "03APR",
            "1122",
            "900 518",
            "264",
            "0477120",
        ],
        ["in uniform 1400 to 1600", "doesn't connect. Tried again 17:05"],
    ),
    (
        "an operator's label in capitals where an entry starts, before what they said; an"
        " operation's name after 'for Op' stays",
        "Op KOWALSKI: which way did they go? CALLER: towards the park. Op BRENNAN: stay on the"
        " line. Briefing for Op NIGHTJAR: patrols at 22:00.",
        ["KOWALSKI", "BRENNAN"],
        ["Op NIGHTJAR: patrols at 22:00"],
    ),
    (
        "a scanned form's names with a one or a zero for a letter, a postcode with an l for its"
        " one, a printed form's leader dots; a plate's O after its digits, 'NO INS' and a date"
        " of referral stay",
        "Name: Bernad1ne H0lloway / Signed: Pr1ya Ol0wu / Postcode: NEl6 4TW | SURNAME.......,"
        " QUARSHIE      FORENAME...... Ekow     DOB.. 17 04 2011 | DATE OF REF... 02 12 2024 |"
        " VRM YK17 OPZ NO INS",
        ["Bernad1ne", "H0lloway", "Pr1ya", "Ol0wu", "NEl6 4TW", "QUARSHIE", "Ekow", "17 04 2011"],
        ["02 12 2024", "NO INS"],
    ),
    (
        "a table's cells under a column that holds no one's data (town, agency, action, time,"
        " camera) and its header's underscored names, a file's dated name; the cells under the"
        " personal columns go",
        "cases_2025-04-02.csv / case_ref,full_name,town,agency,action,cam,logged_time / ASB-9,Joel"
        " Adeyemi,Stanley,Bromsgrove District Council,CPW,N14-02,2025-04-02 22:10:09",
        ["Joel", "Adeyemi"],
        [
            "cases_2025-04-02.csv",
            "case_ref,full_name",
            "logged_time",
            "Stanley,Bromsgrove District Council,CPW,N14-02,2025-04-02 22:10:09",
        ],
    ),
    (
        "a writer's first name before a slash and their organisation, after a sign-off or where"
        " a sentence starts; places and housing bodies before a slash, and a team's phone number"
        " read as a number, stay",
        "Visit booked for w/c 3/03. Harriet / Mendip Council ASB Team 01632 960 227. Cheers,"
        " Bilal / Places for People. Hotspots: Stanley / South Moor; Clwyd Alyn / Denbighshire"
        " County Council.",
        ["Harriet", "Bilal", "960 227"],
        ["Mendip Council ASB Team", "Stanley / South Moor", "Clwyd Alyn / Denbighshire"],
    ),
    (
        "a phone number with one slash among its groups, a date of birth read out digit by"
        " digit; a camera's or a bus route's number before the street it watches stays",
        "2251 cam 17 Northgate - youths on bikes. Number shows as 07700 / 900 481, other one"
        " 0113 496 / 0772. Caller dob zero six one one zero nine. The route 42 Albion Street stop.",
        ["900 481", "0772", "zero six one one zero nine"],
        ["cam 17 Northgate", "route 42 Albion Street"],
    ),
    (
        "the locality after an address with no comma, in a labelled field or a row's cell, and"
        " a district and town after one with commas stay; a person after an address and a"
        " comma goes",
        "Address: 41 Kirkstall Lane Leeds LS5 3BQ | Tel: none. Export row: 2,Abdi Warsame,7 Bell"
        " Lane Marston,noise. Eggs thrown at 9 Heol Dulais, Birchgrove, Cardiff; visited 14 Elm"
        " Road, Shirley Hughes answered.",
        ["41 Kirkstall Lane", "LS5 3BQ", "Abdi Warsame", "7 Bell Lane", "9 Heol Dulais", "Hughes"],
        ["Leeds", "Marston,noise", "Birchgrove, Cardiff"],
    ),
    (
        "a date of birth written year first in a machine's delimited row, quoted or between"
        " tildes; a time-stamped date in the same row stays",
        '"CASE-7731";"Lindqvist, Maja";"1988-11-02";"noise" / NOM~2025-02-14 21:10~GREAVES~'
        "KIERAN~1979-03-21~released",
        ["1988-11-02", "1979-03-21"],
        ["2025-02-14 21:10", "noise"],
    ),
    (
        "a date of birth whose day a scan split with a space, a PNC id read out with its stroke"
        " and check letter; a fraction after a date stays",
        "Re: Ms Halima Osei D.O.B. 2 9/03/1971, also born 1 4.11.1969 per PND. Control: PNC ID"
        " oh seven stroke four four zero nine one two Kilo. Waited 2 1/2 hours on 04/03/2025.",
        ["B. 2 ", "born 1 ", "oh seven stroke", "zero nine one two Kilo"],
        ["Waited 2 1/2 hours on 04/03/2025"],
    ),
    (
        "plates before the kind they are, in brackets (dateless, private, a Crown dependency's);"
        " a time, a bus and a flat before a bracket stay",
        "Stop list: 7 HXT (dateless, grey Jaguar), M4 DDY (private plate), 2291 MAN (Isle of"
        " Man). Briefing at 10 AM (private session); bus 42 A (old route); Flat 4 B (private"
        " landlord).",
        ["7 HXT", "M4 DDY", "2291 MAN"],
        ["10 AM (private", "42 A (old", "Flat 4 B (private"],
    ),
    (
        "a body's letters, its kind of case and a number, with no cue; a year after them and a"
        " collar number stay",
        "The council one is TMBC ASB 0713 and the landlord's is WHG HSG 22871. The LBB ASB 2025"
        " plan; PCSO 4417.",
        ["TMBC ASB 0713", "WHG HSG 22871"],
        ["LBB ASB 2025", "PCSO 4417"],
    ),
    (
        "a person whose surname is a street's or an area's word after 'linked to', 'registered"
        " to', 'issued to'; a park after 'went to' and a body after 'known to' stay",
        "Plate linked to Declan Ward (warrant). The van is registered to Connie Lane of Hull."
        " Notice issued to Mark Field. Kids went to Victoria Park after. Known to Miranda"
        " House.",
        ["Declan Ward", "Connie Lane", "Mark Field"],
        ["went to Victoria Park", "Known to Miranda House"],
    ),
    (
        "an initial and a listed surname with no cue; a wing, a shift, a block and a street"
        " named after a person stay",
        "Signed: R Fitzgerald  Date: 18/1/25. Letter from K Morrison re noise. Moved to C Wing,"
        " B Shift on J Block; vans on Plan B Morrison Way. Taxi firm (A2B Cars); on the 9A. Driver"
        " shaken. Party B Tariq Hussain.",
        ["R Fitzgerald", "K Morrison", "Tariq Hussain"],
        ["C Wing", "B Shift", "J Block", "Morrison Way", "(A2B Cars)", "9A. Driver", "Party B"],
    ),
    (
        "a person's initials in minutes before their body and the action they own, and a note"
        " signed with initials after a dash; a team's letters signing and a body owning an"
        " action stay",
        "Actions: (1) RW (Gedling BC) to draft the PSPO; (2) ASB (Gedling) to review; (3) NPT"
        " (Arnold) to patrol. Warning letter sent. - DH",
        ["RW", "DH"],
        ["ASB (Gedling)", "NPT (Arnold)"],
    ),
    (
        "a team signing a note after a dash stays",
        "Patrols done, no issues. - NPT",
        [],
        ["- NPT"],
    ),
    (
        "a nickname in single quotes inside brackets after a name; a sheet's name and an SQL"
        " value in single quotes stay",
        "Arrested: Kyle Ashworth ('Bones') and Dean Platt. Tracker sheet 'Live'. INSERT INTO x"
        " VALUES ('NOT-1', 'Radford');",
        ["Kyle Ashworth", "Bones", "Dean Platt"],
        ["sheet 'Live'", "'Radford'"],
    ),
    (
        "in capitals, a role and then a first name and a surname no list holds; a role and a"
        " description or a verb stay",
        "CALLER DEAN ASHCROFTE ON 0161 496 0213. MAIN SUSPECT DESC YOUNG, TALL. CALLER STATES"
        " YOUTHS BACK.",
        ["DEAN ASHCROFTE"],
        ["SUSPECT DESC YOUNG", "CALLER STATES YOUTHS BACK"],
    ),
    (
        "a district between a numbered street and its town or postcode, whatever name it looks"
        " like; a person after a numbered street, with no town after, stays a person",
        "Premises: 6 Tanners Cross, Martin Fields, Bristol BS11 0PX; 19 Orchard Road, Winton,"
        " Eccles, M30 8QJ. Served at 12 Park Road, Craig Whitely came to the door.",
        ["6 Tanners Cross", "19 Orchard Road", "M30 8QJ", "Craig Whitely"],
        ["Martin Fields", "Winton, Eccles"],
    ),
    (
        "a street's word or a compass word is never a name's start; a compass word after a"
        " title is a surname",
        '{"loc":"Harrow Street East","district":"East Ribble","subject":"Priya Nandra"} Spoke'
        " to Mr West.",
        ["Priya Nandra", "West"],
        ["Harrow Street East", "East Ribble"],
    ),
    (
        "Welsh words for public bodies' roles and teams; the people holding them go",
        "Swyddog Tai / Housing Officer: Elin Pryce. Atgyfeiriwr: Owain Bebb, Tîm Ymddygiad"
        " Gwrthgymdeithasol.",
        ["Elin Pryce", "Owain Bebb"],
        ["Swyddog Tai", "Atgyfeiriwr", "Tîm Ymddygiad Gwrthgymdeithasol"],
    ),
    (
        "the quoted cells of an export's row are no nicknames, and a model's name stops at a"
        " cell's edge; quoted nicknames listed in prose still go",
        '"Ref","Opened","Ward","Place","Type","Name" / "AB-1","02/02","Hollins","Moss Bank'
        ' Way","Fly-tipping","Dana Wirth". They call him "Mouse", "Spud" and his mate.',
        ["Dana Wirth", "Mouse", "Spud"],
        ['"Ward"', '"Name"', "Hollins", "Moss Bank Way", "Fly-tipping"],
    ),
    (
        "a landmark-named district in a list of districts (its last word a landmark's); people"
        " listed stay people",
        "Patrol plan: Felling Metro, Heworth, Leam Hall and Wardley. Seen Jordan Pike there."
        " Present: Sarah Hale, Tom Jones, Amy Clarke and Dev Patel.",
        ["Jordan Pike", "Sarah Hale", "Tom Jones", "Amy Clarke", "Dev Patel"],
        ["Felling Metro, Heworth, Leam Hall and Wardley"],
    ),
    (
        "a district's words found again elsewhere in the note are the district; the tenant"
        " stays a person",
        "Premises: 4 Elm Cross, Leonard Stanton, Bristol BS11 9QX. Tenant: Kayleigh Moss."
        " Friends of Leonard Stanton have written in support.",
        ["4 Elm Cross", "BS11 9QX", "Kayleigh Moss"],
        [", Leonard Stanton, Bristol", "Friends of Leonard Stanton"],
    ),
    (
        'a landmark\'s two words before its town in brackets, or after "attended"; a person'
        " with a role or a possessive stays a person",
        "(2) DOYLE, Kian 02/03/2007 - Albert Park (Dudley). 16:10 attended Victoria Park re"
        " youths. Officers attended Holly Green's flat; victim Sarah Hall (Leeds) spoke to us.",
        ["DOYLE, Kian", "02/03/2007", "Holly Green", "Sarah Hall"],
        ["Albert Park (Dudley)", "attended Victoria Park"],
    ),
    (
        "a surname by its form, whatever its word means: in capitals after a capitalised first"
        " name in a mixed-case note, or after a nickname in quotes inside the name; a speaker's"
        " label after a name, and a word after a closing quote, stay",
        'I saw a male I know as Jordan SCORER on an orange KTM. Regulars: Martin "Mossy" Grimmer'
        ' and a female. CALLER: Niamh OPERATOR: and the address? Regards Cheryl" Reply from PS'
        " Hart.",
        ["SCORER", "Grimmer", "Mossy", "Niamh"],
        ["OPERATOR:", "Reply from", "orange KTM"],
    ),
    (
        "a surname after a nickname in brackets, and an O' surname in lower case after a first"
        " name; a town in brackets after a name stays",
        "Caller: Margaret (Maggie) Rourke, 7 Elm Grove, Bootle. names given: shauna o'keefe (15)"
        " and her mate. Kerry (Leeds) said no.",
        ["Rourke", "Maggie", "o'keefe", "7 Elm Grove"],
        ["(Leeds) said", "her mate", "Bootle"],
    ),
    (
        "a place by its own words: a compass word and a district after a title or a greeting, a"
        " town's possessive first word, a street's word after it, a place-ending district after"
        ' "attended"; a person named by a street word, and one attended at home, stay people',
        "Authorised by Inspector North Wirral. Dear West Lindsey ASB team. KING'S LYNN CCTV"
        " reports. No groups by Royal William Yard. Joint visit w/ Sergeant Halton Road nick. At"
        " 20:05 I attended Barne Barton re youths. Spoke to Kim Lane and Mr Tom Way; officers"
        " attended Kwame Barton at home. SAW DEAN HOLT DRIVE OFF.",
        ["Kim Lane", "Tom Way", "Kwame Barton", "DEAN HOLT"],
        [
            "Inspector North Wirral",
            "Dear West Lindsey",
            "KING'S LYNN CCTV",
            "Royal William Yard",
            "Sergeant Halton Road",
            "attended Barne Barton",
        ],
    ),
    (
        "a street's word misspelt as hands slip, and Birmingham's Middleways; the word alone and"
        " a street with no number stay",
        "Went to 8 Thames Raod (sic) re mopeds. Now at Flat 9, Kelso House, Ladywood Middleway,"
        " Birmingham; 12 Kirk Steet and 4 Acorn Cresent. The raod was busy on Ladywood"
        " Middleway.",
        ["8 Thames Raod", "Flat 9, Kelso House, Ladywood Middleway", "12 Kirk Steet", "4 Acorn"],
        ["The raod was busy on Ladywood Middleway."],
    ),
    (
        "an intelligence grade's letter, a pronoun before \"'s\", a document's label after a"
        " role and a street's name before Broadway are no people; a person seen there is",
        "INTEL LOG 0412. Grading C/3/P. Source states the lads deal from the park. Handling code"
        " P. It's the shelter by the shops, there's lads smashing it. PCSO STATEMENT. Filwood"
        " Broadway. Seen Mia Crane there.",
        ["Mia Crane"],
        [
            "Grading C/3/P. Source states",
            "Handling code P.",
            "there's lads",
            "PCSO STATEMENT",
            "Filwood Broadway",
        ],
    ),
    (
        "an open space named for its place (a nature reserve, a country park, a recreation"
        " ground), where the place's word is also taken for a person elsewhere; the person"
        " stays a person",
        "Issues: motorbikes on Cradwell Nature Reserve (9 Ranger reports). Actions: Cradwell"
        " Ranger to share the gate-lock schedule; Ryan Coles to attend.",
        ["Ryan Coles"],
        ["Cradwell Nature Reserve"],
    ),
    (
        "a username in quotes after a platform and its word for an account; a group's name in"
        " quotes stays",
        'Group posting videos. Their Snapchat account "hollins.crew" posts them; the TikTok page'
        ' "the lads" is a group chat.',
        ["hollins.crew"],
        ['"the lads"'],
    ),
    (
        "a postcode broken by a wrap's hyphen, a passport's nine digits a few words after their"
        " cue, an e-mail with a space before its @; ranges with a dash and a handle stay as they"
        " are",
        "Caller at 12 Ash Avenue, Sheffield, S6 4-  TB; 9 Elm Lane, Croydon, CR2 -  7QP. His"
        " passport copy from the letting agent says 6120 44871, he said. Mail: dana.k77"
        " @outlook.com. Insta @lil.mace. Open Tues- Thurs for 11- 14 year olds, 2 - 3 pm.",
        ["S6 4-  TB", "CR2 -  7QP", "6120 44871", "k77", "@outlook.com", "@lil.mace"],
        ["Tues- Thurs for 11- 14 year olds, 2 - 3 pm", "Sheffield", "Croydon"],
    ),
    (
        "a national insurance number after its cue, its digits broken by a wrap's hyphen; a"
        " time range after a team's letters stays",
        "Father Tomas Horvat NINO SK 48 21 9- 0 B (per DWP letter); his NINO card was in the"
        " car, NI team 2 - 3 pm.",
        ["SK 48 21 9- 0 B", "Tomas Horvat"],
        ["NI team 2 - 3 pm"],
    ),
    (
        "a district after a patrol's or a beat's heading, a place named by someone's"
        " possessive, a body named for its compass point, safeguarding and keepers' letters;"
        " a person's possessive before a relation stays a person",
        "pcso patrol note Eyres Monsell – PSPO signs replaced. Fryern Arcade, Chandler's Ford -"
        " shoplifting. From DSL, Millais School: West Sussex IPEH / MASH ref. Southern Vectis"
        " driver abused. Believed to be RK's son Tyler Dobson. Spoke to Kerry's mum.",
        ["Tyler Dobson", "Kerry"],
        [
            "Eyres Monsell",
            "Chandler's Ford",
            "From DSL",
            "West Sussex IPEH",
            "Southern Vectis",
            "RK's son",
        ],
    ),
    (
        "a name whose surname is a word, kept whole when its plate or phone follows in brackets"
        ' or its house number after "of"; a pub\'s name with a phone after it stays',
        "Drivers identified by Selsey NPT: Warren Lusted (WP63 LXC) and Ellis Orr. Samina Bi says"
        " Glen Lord of 28 Clayton Street threw paint. The Lord of the Manor pub (01632 960 123)"
        " shut.",
        ["Lusted", "Glen Lord", "WP63 LXC", "Ellis Orr"],
        ["The Lord of the Manor pub"],
    ),
    (
        'a titled name before a word made with "co" ("co-operative"), which is no firm\'s'
        ' "Co"; a co-op\'s name stays',
        "Imam Yusuf Rahimi co-operative, agreed to close the doors by 22:00. The Midcounties"
        " Co-op manager was told.",
        ["Yusuf Rahimi"],
        ["Midcounties Co-op"],
    ),
    (
        "a first name opening a sentence, placed at a body or given a job in brackets; a town"
        " in the same places stays",
        "Oksana at the Whitfield Foundation says the flat is empty. Tamsin (support worker)"
        " agrees. Sheffield at the weekend is busier.",
        ["Oksana", "Tamsin"],
        ["Whitfield Foundation", "Sheffield at the weekend", "(support worker)"],
    ),
    (
        'a firm named for its owner by its trade\'s words ("Skip Hire", "& Co Removals"),'
        " where the owner is named too; the owner still goes",
        "Waste check: director Lee Brannigan produced papers for Brannigan Skip Hire. The van"
        " belongs to Kapoor & Co Removals, director Anil Kapoor.",
        ["Lee Brannigan", "Anil Kapoor"],
        ["Brannigan Skip Hire", "Kapoor & Co Removals"],
    ),
    (
        "a private plate after its cue spelling a name with a zero or a one; a name with a"
        " digit for a letter, with no plate's cue, is still a name",
        'Grey Audi on a private plate, "D0BBS", and a reg of M1LLS seen twice. Driver gave his'
        " name as Pr1tchard. The plate light was out.",
        ["D0BBS", "M1LLS", "Pr1tchard"],
        ["The plate light was out"],
    ),
    (
        "other countries' plates in a list, each right after its nationality; people by"
        " their nationality and a count stay",
        "Vans parked overnight: German HH-XY 2231, Spanish 7781 LKD and a Lithuanian GRT 551."
        " Two Polish males and a Polish IC1 male spoken to.",
        ["HH-XY 2231", "7781 LKD", "GRT 551"],
        ["Two Polish males", "Polish IC1 male"],
    ),
    (
        "the part of a plate a witness caught, after which part it is, once a plate is spoken"
        " of; the last few nights stay",
        "Witness saw the reg but only the first part YK19, and on the other car the last three"
        " KJD. It has happened the last three nights.",
        ["YK19", "KJD"],
        ["the last three nights"],
    ),
    (
        "a current plate with a zero typed for its letter O or a letter I for its age's one;"
        " a road number and a time stay",
        "Stolen from L068 RTV on the A61 at 22:10; the same gang used MX6I KLP last week.",
        ["L068 RTV", "MX6I KLP"],
        ["A61 at 22:10"],
    ),
    (
        'a private plate before its word ("G4 ZZA plates"); a make\'s model before "plates" stays',
        "A Golf with G4 ZZA plates and a Corsa on R3D UP plates were at the cruise beside a BMW"
        " X5 with tinted plates.",
        ["G4 ZZA", "R3D UP"],
        ["BMW X5"],
    ),
    (
        'shops and makers named like people ("Ted Baker", "Travis Perkins"); someone of'
        " that name given as a suspect, with a title or an age, is still a person",
        "Security at Ted Baker and Karen Millen detained a female; a Travis Perkins van was"
        " blocking. Suspect Jack Wills, 19, and Mr John Lewis spoken to.",
        ["Jack Wills", "John Lewis"],
        ["Ted Baker", "Karen Millen", "Travis Perkins"],
    ),
    (
        'places of two words with a name among them ("Barnard Castle", "Aston Clinton"),'
        " written with spaces or dashes; a rider named like one is still a person",
        "Off-road bikes from Barnard Castle to Aston Clinton and Ashton-in-Makerfield; rider"
        " Shane Keynes detained.",
        ["Shane Keynes"],
        ["Barnard Castle", "Aston Clinton", "Ashton-in-Makerfield"],
    ),
    (
        "a storm's or an operation's name, however the name was found; a storm's word before a"
        " surname, or after a title, is someone",
        "Fence down after Storm Arwen; STORM DARRAGH next week. Caller asked for Operation Ivy,"
        " the Op Ivy team attended. Neighbour Arwen Hughes and Storm Hughes (14) spoke to us.",
        ["Arwen Hughes", "Storm Hughes"],
        ["Storm Arwen", "STORM DARRAGH", "Operation Ivy", "Op Ivy"],
    ),
    (
        'a monument\'s name ("the Sir Tom Finney statue", "the statue of Captain Cook", "a'
        ' Guy Fawkes effigy") and a song\'s singer or its title in quotes before "by"; a name'
        ' in quotes before "by the" is someone',
        "Youths meet at the Sir Tom Finney statue; the statue of Captain Cook had a cone on it; a"
        ' Guy Fawkes effigy was burned. Music: "Jolene" by Dolly Parton on repeat. Jolene Pryce'
        ' says her neighbour calls her "Kerry" by the bins.',
        ["Jolene Pryce", "Kerry"],
        ["Sir Tom Finney statue", "Captain Cook", "Guy Fawkes", '"Jolene" by Dolly Parton'],
    ),
    (
        'a passport\'s nine digits a few words after its cue with "no." between; a lower-case'
        " l for the one of a postcode's area; a place with its words joined by dashes",
        "Counter 11:20: passport, GBR, no. 548 190 327 for Aisha Begum of 5 Westgate Close,"
        " Wakefield, WFl 3DE. Helen Chester of Chester-le-Street also called.",
        ["548 190 327", "WFl 3DE", "Aisha Begum", "Helen Chester"],
        ["Chester-le-Street", "Counter 11:20"],
    ),
    (
        "a numbered caravan, plot or berth on its named site (a holiday village, smallholdings,"
        " a harbour's pontoon); the site alone, and a lodge's number with no site, stay",
        "Music from Caravan 18, Sandy Cove Holiday Village and Pontoon B, Berth 7, Penarth Yacht"
        " Harbour until 02:00; goats loose from Plot 5, Hill Side Smallholdings. The Sandy Cove"
        " Holiday Village office and Lodge 4 of the lodges were quiet.",
        [
            "Caravan 18, Sandy Cove Holiday Village",
            "Pontoon B, Berth 7, Penarth Yacht Harbour",
            "Plot 5, Hill Side Smallholdings",
        ],
        ["The Sandy Cove Holiday Village office", "Lodge 4 of the lodges"],
    ),
    (
        'a phone number with its last digits not caught ("??", "xx", dots); opening hours'
        " with dots and a freephone number stay",
        "Source gave 07700 900 5?? for the burner; his landline 0114 496 07xx. Mum gave 07700"
        " 900... then the line dropped. Shop open 0900...1700; the hotline is 0800 555 1??.",
        ["07700 900 5", "0114 496 07", "07700 900."],
        ["0900...1700", "0800 555 1??"],
    ),
    (
        "a phone number read out in another language, digit by digit; a Welsh phrase with a"
        " digit's word in it stays",
        "Interp relayed the callback in Turkish: sıfır yedi yedi sıfır sıfır, dokuz sıfır sıfır,"
        " iki bir altı. His cousin gave hers in Farsi, sefr haft haft sefr sefr, noh sefr sefr,"
        " chahar yek do. The Welsh class is dim ond saith o'r gloch, Tuesdays.",
        ["sıfır yedi yedi", "iki bir altı", "sefr haft haft", "chahar yek do"],
        ["dim ond saith", "Welsh class"],
    ),
    (
        "a phone number read out with a group said again after a break, from the false start;"
        " a count corrected after a break stays",
        "Ring back on oh seven seven oh oh, nine oh oh... nine oh oh, three one two. Her mum's is"
        " zero one six three two... sorry, oh one six three two, nine six oh, four four one."
        " Kids out from nine... ten o'clock, about seven or eight of them.",
        ["oh seven seven oh oh", "three one two", "zero one six three two", "four four one"],
        ["nine... ten o'clock", "seven or eight of them"],
    ),
    (
        "initials standing for a person where a person stands: before their age or role in"
        " brackets, after 'spoke to', before their kin, between commas after a person's word,"
        " and wherever they recur; a body's own letters and a registered keeper stay",
        "Spoke to GH (caller, flat 3), who says TR's lad and his mate, PB, were on the roof."
        " GH to ring back. WM (15) was with them. Hyde Neighbourhood Action Group (NAG)"
        " informed; the XL's owner is not known, nor the RK's car.",
        ["GH", "TR", "PB", "WM"],
        ["(NAG)", "the XL's owner", "the RK's car"],
    ),
    (
        "initials standing for a person by their job or their organisation in brackets; a"
        " body's own letters in brackets stay",
        "Owner: RB (ASB Caseworker). Pennine Homes (KS) to visit nos. 4 and 6. Tameside"
        " Community Safety Partnership (CSP) to review in May.",
        ["RB", "KS"],
        ["(CSP)", "ASB Caseworker", "Pennine Homes"],
    ),
    (
        "a nickname in quotes listed with people, whatever the word, and a name between them;"
        " an answer in quotes after a name stays",
        'Names given: kyle, "spud" and a lass from the flats. Also Dean, jj and "Tiny".'
        ' Officer asked Kyle, "yes or no" and he walked off.',
        ["spud", "jj", "Tiny"],
        ['"yes or no"', "lass from the flats"],
    ),
    (
        "a first name set between commas after a person's relation; a day between commas stays",
        "Her nephew, Bogdan, rang it in; their daughter, Selam, was at school. Her carer,"
        " Mondays, comes at nine.",
        ["Bogdan", "Selam"],
        ["Mondays", "Her carer"],
    ),
    (
        "a flat in its block or a named house with its street on the form's next line; a"
        " public building over a line break stays",
        "Address: Flat 12, Linden Court | Brook Street | Bury. Mother at Ivy Cottage"
        " | Moor Lane | Clitheroe. Panel at Bury Town Hall | Knowsley Street.",
        ["Linden Court", "Brook Street", "Ivy Cottage", "Moor Lane"],
        ["Bury Town Hall | Knowsley Street", "Clitheroe"],
    ),
    (
        "a labelled value a form wrapped over its next cell; a time and a grade in the next"
        " cells stay",
        "Caller: Dennis | Tel: 07700 | 900412 | DOB: 03/ | 11/1984 | PNC ID: 09/41 | 2277K"
        " | Time: 0930 | Grade 2",
        ["900412", "11/1984", "2277K"],
        ["Time: 0930 | Grade 2"],
    ),
    (
        "a family by its surname after a count or before its household; a town's lads stay",
        "Noise from the Pickersgill household again, and the two Ormerod lads on bikes; the two"
        " Leeds lads were not involved.",
        ["Pickersgill", "Ormerod"],
        ["the two Leeds lads"],
    ),
    (
        "a risk assessment's colour after its rating stays; a person of that name does not",
        "Risk rating Amber, down from Red. Amber Clarke said she feels safer.",
        ["Amber Clarke"],
        ["Risk rating Amber", "down from Red"],
    ),
    (
        "a door supervisor's licence letters after their name stay outside the name",
        "Head door Liam Petch SIA 1014 5521 7783 0092 refused him entry.",
        ["Liam Petch", "1014 5521 7783 0092"],
        ["SIA"],
    ),
    (
        "an office's out-of-hours number after a reference's cue word stays",
        "I rang the out of hours number 0113 496 0777 and gave my tenancy number HX/0041827.",
        ["HX/0041827"],
        ["0113 496 0777"],
    ),
    (
        "a system's letters and a short number after its cue; a section and a page stay",
        "Pubwatch ban KPW-207 runs until May; see section 59 and page 112.",
        ["KPW-207"],
        ["section 59", "page 112"],
    ),
    (
        "a log's number of a day and month run together in capitals; a count of a size stays",
        "Linked to 0418 of 22NOV. Ordered 1200 of 14MM bolts.",
        ["0418 of 22NOV"],
        ["1200 of 14MM"],
    ),
    (
        "a username before its platform, or an unknown word right after it; the platform's"
        " sentence stays",
        "He sells as tyz.vapes on snap and through snap drillkidz; sent it on snap yesterday.",
        ["tyz.vapes", "drillkidz"],
        ["on snap yesterday"],
    ),
    (
        "a nickname in single quotes listed after another; a word in quotes after a list stays",
        "Friends round known as 'Biggs' and 'T-Bone'. Sam and 'stop' were all he said.",
        ["Biggs", "T-Bone", "Sam"],
        ["'stop'"],
    ),
    (
        "a kin word in quotes after a strong nickname cue; one in quotes with no cue stays",
        "Runs for an older male known only as 'Uncle'. Her 'uncle' is no relation.",
        ["'Uncle'"],
        ["Her 'uncle'"],
    ),
    (
        "the emergency number opening a call log's entry, or the non-emergency one after its"
        " time, is no house's; a house numbered 101 on its street is",
        "999 Moss Side Manchester | caller reports a fight. 19:02 101 Tile Hill Coventry | youths"
        " again. Caller lives at 101 Coventry Road.",
        ["101 Coventry Road"],
        ["999 Moss Side", "101 Tile Hill"],
    ),
    (
        "a unit's call sign in the phonetic alphabet before a place is no house's number",
        "19:40 Lima 14 Newcastle West End attending; RP lives at 22 Mill Road.",
        ["22 Mill Road"],
        ["Lima 14 Newcastle West End"],
    ),
    (
        'a name after the Welsh "dear" and a title in a letter\'s greeting',
        "Annwyl Mrs Eirlys Parry, diolch am eich galwad. Annwyl Syr/Madam, the meeting is at"
        " Caernarfon.",
        ["Eirlys Parry"],
        ["Annwyl Syr/Madam", "Caernarfon"],
    ),
    (
        "a house's number written out with capitals and its hyphen; a street named with a"
        " number's word stays",
        "Tenant of Twenty-Three Copson Street, Manchester; youths gather on Seven Sisters Road.",
        ["Twenty-Three Copson Street"],
        ["Seven Sisters Road"],
    ),
    (
        "a licensed cab's plate number; a bus route's number stays",
        "00:40 hackney plate 212, driver badge 3391; he took the 212 bus home.",
        ["plate 212,"],
        ["the 212 bus"],
    ),
    (
        "a reference with a year between a body's letters and its court's or office's",
        "PPS file PPS/23/NEW/20417; warrant SDM/23/W/00412; planning application 24/04117/FUL.",
        ["PPS/23/", "SDM/23/W"],
        ["24/04117/FUL"],
    ),
    (
        "a year after its year-of-birth cue; a search's year stays",
        "PND search SURNAME=KOVAC YOB=1991, run in 2024 for Stoke.",
        ["1991"],
        ["2024"],
    ),
    (
        "a CRO or Scottish SCRO number after its cue, without a check letter; a cell's stays",
        "DOB: 12/12/1972 | SCRO: 118274/90 | placed in cell 12/4.",
        ["12/12/1972", "118274/90"],
        ["cell 12/4"],
    ),
    (
        "a PNC id with its slash left out after its cue; a collar number stays",
        "pnc 11450927m checked by collar 4471.",
        ["11450927m"],
        ["collar 4471"],
    ),
    (
        "two pets named after their kind's word; a person beside them goes",
        "His dogs Nelson and Dora bark all day, says neighbour Sandra.",
        ["Sandra"],
        ["Nelson and Dora"],
    ),
    (
        "a pet the note says people call by a name; its owner goes",
        "The goat - the kids call her Gladys - got out again; owner Fiona rang.",
        ["Fiona"],
        ["Gladys"],
    ),
    (
        "a pet's name said again where no one of the name is in the note",
        "Our neighbour's staffy, Rocco, howls. Rocco is the dog, not the lodger Dean.",
        ["Dean"],
        ["Rocco is the dog"],
    ),
    (
        "an organisation's account by a word of its name; a person's handle goes",
        "Shared by @HullCityCouncil and @NYPolice_Ops; first posted by @jaz_kid99.",
        ["@jaz_kid99"],
        ["@HullCityCouncil", "@NYPolice_Ops"],
    ),
    (
        "a house named by the Welsh word for a cottage after 'of'; an estate of a house's name"
        " stays",
        "Complainant Ffion Rees of Bwthyn Glan Llyn, near Bala; youths from the Tŷ Coch estate.",
        ["Bwthyn Glan Llyn"],
        ["Tŷ Coch estate", "Bala"],
    ),
    (
        "a house named by the Cornish word for a house before its street; the town stays",
        "Mrs Trevail, Chy an Dowr, Penwith Road, St Ives, reported it.",
        ["Chy an Dowr"],
        ["St Ives"],
    ),
    (
        "a Scottish farm named by its mains last; a street of the name stays",
        "Sheep taken from Balgonie Mains by Markinch; Niddrie Mains Road quiet.",
        ["Balgonie Mains"],
        ["Niddrie Mains Road"],
    ),
    (
        "a house's name alone before its street and postcode; a shop's stays",
        "Write to Eilidh Ross, Craigmore, Strathearn Road, PH7 3AB; meet at Tesco, Station"
        " Road, PH7 4XY.",
        ["Craigmore"],
        ["Tesco"],
    ),
    (
        "a name after what they made and 'by', whatever its last word; a place by 'by' stays",
        "Facebook post by Shannon Marsh (Hull) shared widely; youths gather by Windmill Hill.",
        ["Shannon Marsh"],
        ["Windmill Hill"],
    ),
    (
        "a surname after PSNI's 'Cst'; a collar number stays",
        "Out of hours (Fri/Sat). Joint visit with PSNI Neighbourhood Cst Orr 11:00 26/02. PCSO"
        " 4471 present.",
        ["Orr"],
        ["PCSO 4471", "11:00 26/02"],
    ),
    (
        "a chat's reply to its question for a name; a refusal stays",
        "Agent: What's your name? | User: lily | Agent: And your surname? | User: prefer not"
        " to say",
        ["User: lily"],
        ["prefer not to say"],
    ),
    (
        "a family by its surname in the plural; places named so stay",
        "The Gallaghers next door again; fly-tipping at the Calders; leaflets to the Ashtons.",
        ["Gallaghers"],
        ["Calders", "Ashtons"],
    ),
    (
        "a private landlord's name after the landlord's label; a venue's after its label stays",
        "Private Landlord Registration - ASB Notice | Landlord: Tomasz Nowak, registration no"
        " 118842/260/22190 | Venue: Nellie Dean's, Dean Street",
        ["Tomasz Nowak"],
        ["Nellie Dean's"],
    ),
    (
        "initials of a note's writer where the note ends; an outcome's letters stay",
        "Visit booked for 12/03 at Hulme Library, outcome NFA so far. notes KT",
        ["notes KT"],
        ["NFA"],
    ),
    (
        "a farm's register numbers after their cues; a count of its stock stays",
        "Holding CPH 41/207/0019, flock mark UK 0 744120; 40 ewes taken.",
        ["41/207/0019", "UK 0 744120"],
        ["40 ewes"],
    ),
    (
        "an identifier 'given as' after its cue; the time stays",
        "Drone operator ID given as GBR-OP-4KD9W2XR7P1M, flown at 14:00.",
        ["4KD9W2XR7P1M"],
        ["14:00"],
    ),
    (
        "a username after a platform and 'from'; a word after the platform stays",
        "She showed me a snap from kai.b_07 about it; the snap from yesterday too.",
        ["kai.b_07"],
        ["snap from yesterday"],
    ),
    (
        "a nickname after 'call himself' and a display name in quotes; 'called' as a verb stays",
        "man who did it call himself 'Brick', white, about 20, then called the police; messages"
        " from j.w_9 (display name 'Storm') at 21:03",
        ["'Brick'", "'Storm'"],
        ["called the police"],
    ),
    (
        "a postcode in lower case with its inward code's digit apart, after a town; two letters "
        "that are a word after a road's number and a digit stay",
        "my address is 10 orchard rise pontypool np4 8 jj incase, or glasgow g41  2 pd, and "
        "Peckham SE15   5 NU; they come off the m6 2 at a time.",
        ["np4 8 jj", "g41  2 pd", "SE15   5 NU"],
        ["m6 2 at a time"],
    ),
    (
        "a licensed cab's plate number a few words after the cab's word, or its letters and "
        "number straight after it; a London district after 'Hackney' stays",
        "hackney driver Hawre Karimi badge SW 0662 plate 118 to the council. Hackney HC 077 "
        "refused the fare; vehicle: hackney, plate B&H 391. Rank in Hackney N16 is busy.",
        ["118", "HC 077", "B&H 391"],
        ["Hackney N16"],
    ),
    (
        "a person whose surname is a pet's word, then their initials: the initials are theirs; "
        "a pet named beside its kind stays",
        "Present: Will Shepherd (WS) Derbyshire Constabulary. Actions: WS to liaise. Her dog "
        "Shep (a shepherd) barked all night.",
        ["WS"],
        ["Shep"],
    ),
    (
        "initials defined after a name, with a letter beyond A to Z, and joined by a slash "
        "where they recur; the week's date with its slash stays",
        "Present: Łukasz Grzybowski (ŁG) Slough Borough Council, chair; Harjit Bains (HB) "
        "Thames Valley Police. Actions: ŁG/HB joint visit w/c 20/05.",
        ["ŁG", "HB"],
        ["w/c 20/05", "Slough Borough Council"],
    ),
    (
        "initials defined in a key by '=' before a name and its rank; a key for a colour code "
        "stays",
        "| 4.2 | Joint visit | AB/TJ | 15/03 | open || Key: AB = PC Amy Bretherton (Lancashire "
        "Police); TJ = Tom Jeffs (LFRS); RAG = Red Amber Green.",
        ["AB/", "TJ |", "Amy Bretherton"],
        ["RAG = Red Amber Green", "LFRS"],
    ),
    (
        "a house named by its Welsh or Gaelic word before its village, town and postcode, with "
        "no street; an estate of that name stays",
        "Dear Mr Pritchard, Tŷ Newydd, Rhiw, Pwllheli LL53 8AB. Tenant: Calum MacLeod, Tigh na "
        "Mara, Achiltibuie, Ullapool IV26  2YG. Youths from the Tŷ Coch estate, Cardiff.",
        ["Tŷ Newydd", "Tigh na Mara"],
        ["Tŷ Coch estate"],
    ),
    (
        "a notice's, a unit's, a judge's or a firm's letters before or after a name, and "
        "'unknown' in capitals, are no one's; the names beside them go",
        "Re: PCN HG-40077219, appeal from Mr Rupert Ffitch-Hargreaves. ANOTHER MORGAN (SURNAME "
        "UNK). Frankie (Impact PRU). Before DDJ Fairweather. Helen Fenwick, Tyne Wear Legal "
        "LLP.",
        ["Rupert Ffitch-Hargreaves", "Fairweather", "Helen Fenwick", "Frankie"],
        ["Re: PCN", "SURNAME UNK", "Impact PRU", "DDJ", "Legal LLP"],
    ),
    (
        "an initial and a surname that is also a place's word, after 'Signed:'; a place of that "
        "word stays",
        "Radio alert to Collingwood Street venues. Signed: G. Ferry (duty manager). Next "
        "crossing from Woolwich Ferry at 09:00.",
        ["G. Ferry"],
        ["Woolwich Ferry"],
    ),
    (
        "first names listed after a log's staff label, a word-name or one no list holds among "
        "them; a team's name after its label stays",
        "Bottle thrown near Bridge Street. Team: Ruth, Glenys, Ike. Staff on: Gary, Shona, "
        "Nabeel. Operator: Eilidh. Referred to Team: Neighbourhood Enforcement.",
        ["Ruth", "Nabeel", "Eilidh"],
        ["Neighbourhood Enforcement"],
    ),
    (
        "initials before a worker's letters in brackets, or before 'rang'; a body's letters "
        "before 'rang' stay",
        "10:04 SJ (SW): call from PSNI North Belfast. 13:00 HG rang again about Alfie. 14:00 GP "
        "rang back.",
        ["SJ", "HG"],
        ["GP rang back", "PSNI North Belfast"],
    ),
    (
        "initials before their body in brackets, anywhere in a note; a body's own letters "
        "before its name in brackets stay",
        "Received 08/02/2024 by KP (Community Protection Unit). KL (Gloucestershire "
        "Constabulary) follow-up call within 7 days. Referred to CGL (Change Grow Live).",
        ["KP", "KL"],
        ["CGL (Change Grow Live)"],
    ),
    (
        "initials after 'triaged by' and before the time; the time stays",
        "SELF-REFERRAL, KIDS ON E-SCOOTERS IN RAFFLES -> RAM REQUIRED || TRIAGED BY JH 09:40",
        ["JH"],
        ["09:40", "RAM REQUIRED"],
    ),
    (
        "initials alone in the owner's cell of an actions table, two joined by a slash; an "
        "agency's or a council's letters in that cell stay",
        "Open actions at 01/11 || A17 | JN / CH | Castle Square begging | ongoing || A19 | BW | "
        "CPW served 24/10 | complete || A20 | LCC | lighting | open || A21 | SYP | patrols |",
        ["JN", "CH", "BW"],
        ["LCC", "SYP"],
    ),
    (
        "a name after who rang or came and 'by', whatever its last word names; a place after a "
        "verb of going and 'by' stays",
        "18:05 Warden phoned by Bridget Ward, reporting a tipper across the access. Youths "
        "walked by Castle Ward at 19:00.",
        ["Bridget Ward"],
        ["Castle Ward"],
    ),
    (
        "an address split across a form's fields, its number in one and its block and street in "
        "the next; a street's field with no number's field before it stays",
        "TENANCY AUDIT | Flat no: 6 | Block: Kestrel House | Street: Coalbrook Road | Town: "
        "Sheffield || House No: 72 | Road: Beechcroft Avenue | District: Hartcliffe || Location "
        "of ASB | Street: Lister Road | Town: Bradford",
        ["6 |", "Kestrel House", "Coalbrook Road", "72", "Beechcroft Avenue"],
        ["Lister Road", "Hartcliffe", "Sheffield"],
    ),
    (
        "a person named like a place after a person's word and 'called' or 'named'; a town "
        "'called' so stays",
        "Arguing all night over a lad called Chester. We drove on to a town called Buxton after.",
        ["lad called Chester"],
        ["town called Buxton"],
    ),
    (
        "a date of birth with its month's letters run between day and year, as a system prints "
        "it, after its cue; the day of the stop in that form stays",
        "Railcard in name K Hallworth, dob 12MAR01; second male DOB: 03JUN1991. Stop on 12MAR25 "
        "at 14:00.",
        ["12MAR01", "03JUN1991"],
        ["12MAR25"],
    ),
    (
        "initials with an apostrophe owning an action; a word with one in capitals stays",
        "Actions: RO'K to offer mediation via CRJI; CD to arrange a CCTV survey. IT'S to be "
        "agreed at the next panel.",
        ["RO'K", "CD to"],
        ["IT'S to be agreed"],
    ),
    (
        "a Welsh job's title after a name or a verb of action, and a deputy head found whole; "
        "the name before it goes",
        "Parents are being invited in by Pennaeth Blwyddyn 9. Diolch, Gareth Rowlands, "
        "Arweinydd Diogelu. Paul Harcourt, Deputy Head. Hysbysiad: mae Gorchymyn Diogelu Mannau "
        "Cyhoeddus mewn grym.",
        ["Gareth Rowlands", "Paul Harcourt"],
        ["Pennaeth Blwyddyn", "Arweinydd Diogelu", "Deputy Head", "mae Gorchymyn Diogelu"],
    ),
    (
        "contractors, case systems and charities partners name are no one's; the person beside "
        "them goes",
        "Property secured with Sitex boards 13/10; record on Civica and refer to Humankind. "
        "Logged by Dawn Mills.",
        ["Dawn Mills"],
        ["Sitex boards", "Civica", "Humankind"],
    ),
    (
        "a clinician's number in their professional register after its letters; the "
        "letters after a name stay",
        "Diolch, Ceri Morgan, Pharmacist, GPhC 2071486. Olivia Marsh RGN, NMC PIN "
        "09H2241E; Tom Westlake, HCPC PA41822.",
        ["2071486", "09H2241E", "PA41822", "Ceri Morgan", "Olivia Marsh"],
        ["RGN", "Pharmacist"],
    ),
    (
        "a team's shared mailbox and line stay; a person's address and mobile go",
        "Reply to asb.team@leeds.gov.example or "
        "cardiff.asb@southwales.police.example, team line 01632 960871; or to me at "
        "r.kowalski@leeds.gov.example, mob 07700 900417.",
        ["r.kowalski@leeds.gov.example", "07700 900417"],
        ["asb.team@leeds.gov.example", "cardiff.asb@southwales.police.example", "01632 960871"],
    ),
    (
        "the people a case's title names after its 'v', by initials or by name; a "
        "match's teams stay",
        "Listed: R v MH & TO; Hartlepool Borough Council v TW; London Borough of "
        "Croydon v Marcia Bailey-Thompson. Villa v Wolves kicks off at 3.",
        ["R v MH", "& TO", "v TW", "Marcia Bailey-Thompson"],
        ["Villa v Wolves", "Hartlepool Borough Council"],
    ),
    (
        "initials an order keeps someone from, listed, and initials before an age "
        "with 'aged'; letters that are things stay",
        "Prohibition 2: not to associate with AL, CF or ZM. LM (aged 15) attended "
        "with mum. The TV or CCTV was off.",
        ["AL,", "CF or", "ZM.", "LM (aged"],
        ["TV or CCTV"],
    ),
    (
        "initials signing a note where it ends, in lower case, with their office after them",
        "DJ granted the injunction for 6 months, serve personally by fri, return "
        "date 02/10 - kt hartlepool county crt",
        ["- kt"],
        ["hartlepool county crt", "return date 02/10"],
    ),
    (
        "initials signing a court note before their firm; a note ending in a word stays",
        "Bail granted, condition to reside in Ipswich. Trial 30/07. AMW, Moore "
        "Whitlock Solicitors.",
        ["AMW"],
        ["Moore Whitlock Solicitors", "Trial 30/07"],
    ),
    (
        "a chat's speaker after a bare time, with an emoji after the name or a "
        "colon after the time; a log's label stays",
        "NPT group 19:52: Gavin: youths on the roof again | 21:50 Blessing 💯: nah "
        "do the old mans house | 22:05 Update: all quiet",
        ["Gavin", "Blessing"],
        ["Update: all quiet"],
    ),
    (
        "a person after a care worker's letters; a service's and a safeguard's "
        "letters and the emergency department stay",
        "HCA Blessing was verbally abused. Home to review DoLS. Plan: Helen Cho "
        "(HIU nurse). In ED waiting room he threw a chair.",
        ["Blessing", "Helen Cho"],
        ["DoLS", "HIU nurse", "ED waiting room"],
    ),
    (
        "a named care home or supported housing is a place, not an address; a named "
        "house as a home goes",
        "Report from Oakleigh Lodge nursing home, Margate; resident of St Anne's "
        "House supported housing. His sister lives at Rose Cottage, Mill Lane.",
        ["Rose Cottage"],
        ["Oakleigh Lodge nursing home", "St Anne's House supported housing"],
    ),
    (
        "a numbered caravan or bay on its named site, the caravan's number with a "
        "letter; a hospital's bay stays",
        "Met Kathleen McDonagh at Bay 4, Drumgor Serviced Site; male staying at "
        "Caravan B17, Kingfisher Bay Holiday Village. Patient moved to Bay 3, Ward "
        "7.",
        ["Bay 4, Drumgor", "Caravan B17"],
        ["Bay 3, Ward 7"],
    ),
    (
        "a Welsh smallholding by its word before its lane, and a house before a Pembrokeshire lane",
        "Farmer Dafydd ap Rhys, Tyddyn Isaf, Lôn Pin, Llanengan. Complaints about "
        "the holiday let Tŷ Gwyn, Feidr Pen-y-bont on the Parrog.",
        ["Tyddyn Isaf", "Lôn Pin", "Feidr Pen-y-bont"],
        ["on the Parrog"],
    ),
    (
        "a Gaelic house name after 're'",
        "Short-term let complaint re Taigh na Mara, Isleornsay, Sleat: guests lit a fire.",
        ["Taigh na Mara"],
        ["Isleornsay", "Sleat"],
    ),
    (
        "a Northern Irish health and care number after its letters; the trust's letters stay",
        "Male Delroy Campbell, h&c 604 559 2218, known to Southern HSC Trust.",
        ["604 559 2218"],
        ["Southern HSC Trust"],
    ),
    (
        "a guard's first name after a log's staff label; a contractor stays",
        "00:30 bar closed early. Guard on duty: Vytautas. Security: Mitie guards on site.",
        ["Vytautas"],
        ["Mitie guards"],
    ),
    (
        "an IP address after its letters or in a mail header's brackets; an app's version stays",
        "Submitted from IP 203.0.113.57 via mail.example.com ([203.0.113.14]) on "
        "app version 1.2.3.4.",
        ["203.0.113.57", "203.0.113.14"],
        ["1.2.3.4"],
    ),
    (
        "names a scan broke at spaces, in a scan that broke words; a month broken so stays",
        "I am writ ing to comp lain about the fami ly next door. Since Octo ber the "
        "son Ry an Pr itchard and Dar ren have been sitt ing in cars outside.",
        ["Ry an", "Pr itchard", "Dar ren"],
        ["Octo ber"],
    ),
    (
        "a doctor's surname in lower case after 'dr' where a drive's cannot be",
        "no injuries. seen by dr okonkwo (GMC 7104382), MHA assessment booked "
        "02:00. Youths ran down park dr towards the shops, then to dr surgery.",
        ["okonkwo"],
        ["MHA assessment", "park dr towards", "dr surgery"],
    ),
    (
        "a scan's date of birth with OCR's letters in its year after a slash, and a "
        "postcode with lower-case l's for ones; the notice's date stays",
        "To: Shane Ackroyd, 12 Arlington Street, Falkirk FKl lLD. Date of birth: "
        "O9/O2/l997 Ref: CPW/HCC/2O24/O38. Served 14/O3/2O24.",
        ["O9/O2/l997", "FKl lLD"],
        ["Served 14/O3/2O24", "Falkirk"],
    ),
    (
        "a room in a named home before its number and Welsh street, as one address; "
        "a meeting room stays",
        "Adult at risk: Glenys Price, Room 12, Tŷ Gwyn, 48 Heol Derwen, Swansea. "
        "Strategy meeting in Room 4, County Hall.",
        ["Room 12", "Tŷ Gwyn", "48 Heol Derwen"],
        ["Room 4, County Hall", "Swansea"],
    ),
    (
        "a channel's one-word name in quotes after its platform; a group's name of "
        "several words stays",
        "YouTube channel 'BrightonPrankzTV' posted the clip, shared in the Facebook "
        "group 'Gorton Community Noticeboard'.",
        ["BrightonPrankzTV"],
        ["Gorton Community Noticeboard"],
    ),
    (
        "initials given a court's condition after a comma; an agency's letters stay",
        "Adjourned to 14/03 for trial, bail continued, KT to comply with curfew "
        "19:00-07:00, PC to attend.",
        ["KT to comply"],
        ["PC to attend"],
    ),
    (
        "a letter's signature whose surname is also a word, after its closing words; "
        "the sender's office stays",
        "We will write again after the panel. Yours sincerely, Derek Plume, Tenancy "
        "Enforcement Manager, Halton Housing",
        ["Derek Plume"],
        ["Tenancy Enforcement Manager", "Halton Housing"],
    ),
    (
        "user names in an audit trail, after the user's label, between a time and what "
        "they did, and after 'by'; a system's own account and a car 'driven by' stay",
        "2025-01-09 10:02:11 | USER: tbarraclough | VIEWED case KIR-ASB-0912; "
        "10:04:57 g.wojcik (Housing) EDITED; merged by HALL_M; user=batch_import "
        "action=MERGE; car driven by male",
        ["tbarraclough", "g.wojcik", "HALL_M"],
        ["batch_import", "driven by male", "Housing"],
    ),
    (
        "the author of a log's entry after its time, with a colon; the unit tasked stays",
        "22/03/2025 23:41 DOYLE_K: tasked BX21 to Kelvin Way, Stoke Gifford Housing informed.",
        ["DOYLE_K"],
        ["BX21", "Kelvin Way", "Stoke Gifford Housing"],
    ),
    (
        "an audit line's old and new values of a name field; its reason stays",
        "EDIT | FIELD: Forename | OLD: Siobhan | NEW: Siobhán | REASON: spelling | "
        "FIELD: Status | OLD: Open | NEW: Closed",
        ["Siobhan", "Siobhán"],
        ["REASON: spelling", "Open", "Closed"],
    ),
    (
        "seconds since 1970 after a time's key stay, where a reference's number goes",
        "ts=1719830400 event=SMS_OUT ref=WMP-ASB-44120 ; ingest_ts:1719830455",
        ["WMP-ASB-44120"],
        ["1719830400", "1719830455"],
    ),
    (
        "a body's mailbox after its name in a mail header stays; a person's beside it goes",
        "From: Dudley Council Safer Communities <safer.streets@dudley.example> | To: "
        "Kerry Bright <kerry.bright@dudley.example> | Cc: noreply@dudley.example",
        ["kerry.bright@dudley.example"],
        ["safer.streets@dudley.example", "noreply@dudley.example"],
    ),
    (
        "a printout's name labels inside its value; the caller's name goes without them",
        "CALLER: SURNAME: OYELARAN FORENAMES: BISOLA TEMITOPE | ADDR: 4 ELM ROW",
        ["OYELARAN", "BISOLA TEMITOPE", "4 ELM ROW"],
        ["SURNAME:", "FORENAMES:"],
    ),
    (
        "an elected member's letters after their name stay, the name goes",
        "Kind regards, Gareth Pryce-Jenkins MS, and copied to Anwen Lloyd MP.",
        ["Gareth Pryce-Jenkins", "Anwen Lloyd"],
        ["MP."],
    ),
    (
        "a nickname after 'knows him as' and after 'cries him'; who knows him stays",
        "Neighbour says everyone knows him as Chops, and the wee ones cry him Skelly. "
        "Everybody on the estate is scared.",
        ["Chops", "Skelly"],
        ["Everybody on the estate"],
    ),
    (
        "a district after a numbered address and its comma, where the sentence goes on; "
        "a person there by name still goes",
        "CPT to Flat 3, 9 Crathie Gardens, Easter Drylaw, re noise. Neighbour at 11 Crathie "
        "Gardens, Duncan Reid, confirms.",
        ["9 Crathie Gardens", "Duncan Reid"],
        ["Easter Drylaw"],
    ),
    (
        "a takeaway named for its owner stays; the owner named alone goes",
        "Youths gathered outside Mr Lam's Noodle Bar; owner Ahmed Rashid called 101.",
        ["Ahmed Rashid"],
        ["Mr Lam's Noodle Bar"],
    ),
    (
        "a team's line in a letter's 'please call the … team on' and an out-of-hours "
        "line stay; a named officer's mobile goes",
        "To report noise out of hours please call 01632 960410, or call the Community "
        "Safety team on 01632 960411. Your officer Jade Wren: 07700 900412.",
        ["07700 900412", "Jade Wren"],
        ["01632 960410", "01632 960411"],
    ),
    (
        "a control room's staff number after OPR or CALL TAKER; the callsign stays",
        "INC 0412 | OPR KB40219 | CALL TAKER CT5521 | CALLSIGN NK12 | GRADE 2",
        ["KB40219", "CT5521"],
        ["NK12", "GRADE 2"],
    ),
    (
        "a quoted message signed with a first name where it ends; a word-name there stays",
        "Text from resident: 'bins on fire again by the garages. Ffion' | later 'gone quiet "
        "now. Rose'.",
        ["Ffion"],
        ["Rose"],
    ),
    (
        "a name in a JSON object's first and last; a day under 'last' stays",
        '{"contact":{"first":"Delphine","last":"Okorafor-Waite","mobile":"07700900162"},'
        '"seen":{"first":"2025-02-01","last":"Saturday"}}',
        ["Delphine", "Okorafor-Waite", "07700900162"],
        ["Saturday", "2025-02-01"],
    ),
    (
        "a records system's name before a reference's number stays outside it; the number goes",
        "Statement (MG11) | URN 14KD0719925 | Statement of: Witness B | Age: over 18",
        ["14KD0719925"],
        ["URN ", "Witness B"],
    ),
    (
        "a measure's unit after its number; a person after a wait still goes",
        "Response SOP: attend 15 min urban / 20 min rural. Waited 40 mins for Tom Seddon.",
        ["Tom Seddon"],
        ["15 min urban", "20 min rural"],
    ),
    (
        "a listed name that is also shorthand or a shop, after a role; the shorthand stays",
        "Spoke to neighbour Rui Costa at 22:10. Suspect released RUI, then seen outside Costa.",
        ["Rui Costa"],
        ["released RUI", "outside Costa"],
    ),
    (
        "a numbered street in an export's quotes; a street's possessive stays a street's",
        "export rows {v:'44 Cowley Road',t:'noise'} and the Cowley Road's lights were out",
        ["44 Cowley Road"],
        ["the Cowley Road's lights", "'noise'"],
    ),
    (
        "a name in cells run together by semicolons, after a cell with a number",
        "r7;noise;Aisha Mahmood;Flat 2, 9 Orchard Street;open\nr8;23:10;Parker's Piece;fight",
        ["Aisha", "Mahmood", "9 Orchard Street"],
        ["noise", "open", "Parker's Piece"],
    ),
    (
        "streets named without a number, run together with their district; a name stays a name",
        "Car repairs again on Tudor St Cardiff. 1530 HRS ATT GREENFIELD LANE BALBY RE BURNT OUT "
        "CAR. Witness Kevin St Clair and Kyle Brennan shouting outside Dale Road.",
        ["Kevin St Clair", "Kyle Brennan"],
        ["Tudor St Cardiff", "GREENFIELD LANE BALBY", "Dale Road"],
    ),
    (
        "a stand or a room named after someone, with its capital; a tenant beside his room goes",
        "Fan Hafsa Iqbal (wheelchair bay, Ronnie Haig Stand) says coins came from the Harold "
        "Bessant Stand. Panel met in the Edna Pullman Room. Tenant Marek Zielinski, room 4, "
        "complained.",
        ["Hafsa Iqbal", "Marek Zielinski"],
        ["Ronnie Haig Stand", "Harold Bessant Stand", "Edna Pullman Room"],
    ),
    (
        "a pet's name after 'answering to', a breed and 'type', or 'your dog'; its owner goes",
        "A tan bull terrier answering to the name Marley fouled the verge. Grey XL type 'Rocco' "
        "came through the gate; owner Shane Pryce. Q: Is Bella your dog? A: Yes, Akita.",
        ["Shane Pryce"],
        ["Marley", "Rocco", "Bella"],
    ),
    (
        "Welsh words of a notice taken for a name; a Welsh name beside them goes",
        "Noson Tân Gwyllt / Bonfire Night: Grŵp Cynghori ar Ddiogelwch met on Friday. "
        "Cysylltwch â Gwenllian Pritchard.",
        ["Gwenllian Pritchard"],
        ["Noson Tân Gwyllt", "Grŵp Cynghori"],
    ),
    (
        "a first name owning an action after its head, and a technician's after the label",
        "Minutes: ACTION: Hywel to write to Ch Insp. Action: Chair to write to the council.\n"
        "Job PC-118 | Charge: £0 | Tech: Dwayne",
        ["Hywel", "Dwayne"],
        ["Chair to write", "Charge: £0"],
    ),
    (
        "a name after an enforcement officer's letters; the letters stay",
        "Fly-tip searched 3 sacks w/ EO K. Marsh (ID 117) present; EO attended again on Friday.",
        ["K. Marsh"],
        ["EO attended", "ID 117"],
    ),
    (
        "a model's trim after its make and model; a plate after them, or after its make, goes",
        "a black Mercedes A45 AMG ran the lights, plate FY18 KLM; polish Scania WGM 48LT moved "
        "on. Victim Bentley Harris, 14.",
        ["FY18 KLM", "48LT", "Bentley Harris"],
        ["Mercedes A45 AMG", "Scania"],
    ),
    (
        "chains the model reads as people; a person beside them goes",
        "Youths outside Krispy Kreme and the Deliveroo riders by Dunelm; damage to Toby Carvery "
        "windows, said manager Kelly Rourke.",
        ["Kelly Rourke"],
        ["Krispy Kreme", "Deliveroo", "Dunelm", "Toby Carvery"],
    ),
    (
        "a double first name and a surname that is also a word, after a notice served on them",
        "Abatement notice served on John-Joe Ward of The Stables, Hollins Lane; leaflets left on "
        "Rose Lane.",
        ["John-Joe", "Ward"],
        ["Rose Lane"],
    ),
    (
        "a trade's word in lower case after a name is what happened; a firm's capital keeps it",
        "GMP log 2214 of 21/12. 2nd victim female Abimbola Adeyemi glass to wrist; quote from "
        "Milne Glass for the door.",
        ["Abimbola Adeyemi"],
        ["Milne Glass"],
    ),
    (
        "a forename shortened to more than its initial, with its stop, before a surname (Welsh "
        "'Rh.', 'Ll.', old 'Wm.'); a rank's short form with a stop stays",
        "Letters sent to Rh. Jenkins, Ll. Parry and Wm. Hughes re noise; Ch. Supt Evans told.",
        ["Rh. Jenkins", "Ll. Parry", "Wm. Hughes", "Evans"],
        ["Ch. Supt"],
    ),
    (
        "a lower-case name after a person's word and 'called' (lady, friend, neighbour); the "
        "verb's time, service or insults after 'called' stay",
        "a lady called sue at the flats says her friend called jade saw it. The man called "
        "earlier, a male called security and the lad called racist names.",
        ["sue", "jade"],
        ["called earlier", "called security", "called racist names"],
    ),
    (
        "who someone is, then their age, in brackets after a name that is also a street's "
        "('Bridget Ward (Irish Traveller, 34)'); a place with a zone and a number stays",
        "Welfare visit to Bridget Ward (Irish Traveller, 34). Patrol to Victoria Park (Zone B, "
        "12) after.",
        ["Bridget Ward"],
        ["Victoria Park"],
    ),
    (
        "a role before a name that shares a home, holds a licence or answers an alarm "
        "(flatmate, occupiers, licence holder, responder, NOK) stays outside the name",
        "Flatmate Lim Jia Hui agreed. Occupiers QUINN and McCANN warned. HMO LICENCE HOLDER A. "
        "FERREIRA. Responder Gordon attended. Only NOK son Lee Dunn.",
        ["Lim Jia Hui", "QUINN", "McCANN", "A. FERREIRA", "Gordon", "Lee Dunn"],
        ["Flatmate", "Occupiers", "HOLDER", "Responder", "NOK"],
    ),
    (
        "a nickname after a form's 'KNOWN AS:', after 'she only knows them as', and one of a "
        "letter and a word ('T-Bone'); a level and a phone company stay",
        "NAME: Margaret Kerr | KNOWN AS: Peggy | Says she only knows them as Skinny. Runner "
        "known as T-Bone. A-Level pupils outside the T-Mobile shop.",
        ["Peggy", "Skinny", "T-Bone"],
        ["A-Level", "T-Mobile"],
    ),
    (
        "a reference's number does not run over a log's next time after a slash",
        "00:06 - host Liam Costello-Hart, student ID 11238807 / 00:31 - cleared by security.",
        ["11238807", "Liam Costello-Hart"],
        ["/ 00:31"],
    ),
    (
        "a records system's user name before a dash after a log's time, and after 'logged by'; "
        "a system's account and a way of logging stay",
        "23:41 jbrennan - call from RA / 00:06 s.afolabi - cleared / 00:32 sys_autonotify - "
        "closed. Job WS-778120 logged by dwaterhouse 07:52; repeat logged by telephone.",
        ["jbrennan", "s.afolabi", "dwaterhouse"],
        ["sys_autonotify", "logged by telephone"],
    ),
    (
        "a family counted by its surname in the plural ('2 MacLeods'); a counted chain stays",
        "Hedge owner at no.8 (2 MacLeods on the street). 3 Greggs are open late.",
        ["MacLeods"],
        ["3 Greggs"],
    ),
    (
        "a person's initials where the surname is double-barrelled ('FA' for Folasade "
        "Adebayo-Williams); a body's letters stay",
        "Party A Folasade Adebayo-Williams; Party B Huw Bevan. FA tearful, HB apologetic. RSPCA "
        "aware.",
        ["Folasade Adebayo-Williams", "FA", "HB"],
        ["RSPCA"],
    ),
    (
        "a Welsh place's name joined by hyphens around its article ('Pen-y-Bryn', "
        "'Tal-y-bont'); double first names stay names",
        "Neighbours at Pen-y-Bryn have made up; Tal-y-bont rally passed. Jean-Luc and Mary-Jo "
        "moved in.",
        ["Jean-Luc", "Mary-Jo"],
        ["Pen-y-Bryn", "Tal-y-bont"],
    ),
    (
        "a surname typed in lower case after 'mr' or 'mrs' that is also a town, the side "
        "against them after 'v'; the town capitalised later stays",
        "mr hamilton v mrs irvine again up the Low Waters, Hamilton. spoke to mr stanley.",
        ["hamilton", "irvine", "stanley"],
        ["Low Waters, Hamilton", " v "],
    ),
    (
        "bodies read as people: a church of a faith ('Christian Church of God'), the Crown's "
        "'HM' bodies, a statutory scheme and a doorbell camera; a person beside them goes",
        "Pastor Emeka Nwosu of the Redeemed Christian Church of God; title from HM Land "
        "Registry; a High Hedges complaint and a Ring doorbell clip.",
        ["Emeka Nwosu"],
        ["Christian Church of God", "HM Land Registry", "High Hedges", "Ring doorbell"],
    ),
    (
        "a university's and a licensing team's mailboxes stay ('studentconduct@', "
        "'wellbeing@', 'hmo@'); a student's and an officer's own go",
        "To: studentconduct@lboro.ac.uk, wellbeing@dmu.ac.uk, hmo@bathnes.gov.uk; cc "
        "o.stamp2@student.lboro.ac.uk and rachel_denning@bathnes.gov.uk.",
        ["o.stamp2@student.lboro.ac.uk", "rachel_denning@bathnes.gov.uk"],
        ["studentconduct@lboro.ac.uk", "wellbeing@dmu.ac.uk", "hmo@bathnes.gov.uk"],
    ),
    (
        "an intelligence log's grading in 3x5x2 and 5x5x5 order stays ('2/B/P', 'E/2/4'); a "
        "crime number goes",
        "INT LOG / 2/B/P. Subject Stevie REID. INT E/2/4 HULL. Crime 22/0045/24.",
        ["Stevie REID", "22/0045/24"],
        ["2/B/P", "E/2/4"],
    ),
    (
        "a count after a times sign is no handle on X ('cats x 14'); a handle on X goes",
        "Hoarding (cats x 14); son on X as jaybird22.",
        ["jaybird22"],
        ["cats x 14"],
    ),
    (
        "a first name said again by its start once the whole name is given ('Reginald' … "
        "'Reg'), and a name before its birthday ('Megan's 21st'); a vehicle's reg and a saint's "
        "day stay",
        "Home visit to Mr Reginald Tait. Reg reports youths; vehicle reg checked. Party for "
        "Megan's 21st on St Patrick's Day.",
        ["Reginald Tait", "Reg reports", "Megan"],
        ["vehicle reg", "St Patrick's Day"],
    ),
    (
        "a thing before a bracket of someone's real name is no nickname ('the road (real name "
        "…)'); a nickname there goes",
        "Ms Kendal says 'Smudge' from over the road (real name Darren Smith); bazza (real name "
        "Barry Aldous).",
        ["Kendal", "Smudge", "Darren Smith", "bazza", "Barry Aldous"],
        ["the road"],
    ),
    (
        "a vehicle's colour in capitals before its model, and its make before a foreign plate, "
        "stay outside names and plates; a person with a colour's surname goes",
        "STATES WHITE TRANSIT WP16 UHF PARKS NIGHTLY. Romanian-plated BMW B 123 XYZ. Mr Green "
        "car parked.",
        ["WP16 UHF", "B 123 XYZ", "Green"],
        ["WHITE TRANSIT", "BMW"],
    ),
    (
        "a street named without a number by 'Sq' or 'Gdns'; a numbered one goes",
        "Taxi rank at Dalton Sq busy from 02:30; met at Victoria Gdns; lives at 7 mill lne.",
        ["7 mill lne"],
        ["Dalton Sq", "Victoria Gdns"],
    ),
    (
        "a count of complaints or a block already named after a number is no address",
        "Party B: Paul Marsh, flat 5 same block; nothing done after 3 complaints re garden "
        "parties at 17 Faulkland Road.",
        ["Paul Marsh", "17 Faulkland Road"],
        ["flat 5 same block", "3 complaints re garden parties"],
    ),
    (
        "a handset's maker before its IMEI, a caller's line identity and a careline's service "
        "stay; the IMEI goes",
        "Alcatel IMEI 353918102774561 seized. No CLI. Careline rang Mrs Cope.",
        ["353918102774561", "Cope"],
        ["Alcatel", "No CLI", "Careline"],
    ),
    (
        "a name in Chinese or Korean script beside its romanised form; a sign in Chinese stays",
        "Signs reading 禁止吸烟 were torn down. Resident 陈思远 (CHEN Siyuan) and Kim Min-jun "
        "(김민준) report it.",
        ["陈思远", "CHEN Siyuan", "김민준", "Kim Min-jun"],
        ["禁止吸烟"],
    ),
    (
        "a service's line with its service between ('out of hours noise line') and a body's "
        "line by its name ('contact … Community Safety on'); a person's line goes",
        "Ring the out of hours noise line 01632 960 000 or contact Renfrewshire Community Safety "
        "on 0141 496 0900; or contact Dave Smith on 0141 496 0901.",
        ["Dave Smith", "0141 496 0901"],
        ["01632 960 000", "0141 496 0900"],
    ),
    (
        "a first name signing a note at its end with the writer's team; the town and the team stay",
        "Diary sheets attached, Cardiff noise most nights. Kev, Tenancy Enforcement",
        ["Kev"],
        ["Cardiff", "Tenancy Enforcement"],
    ),
    (
        "a venue's word capitalised before a word that is also a name ('Bar Ivy'); the bar's "
        "staff by name go",
        "Male targeting students walking home from Bar Ivy. Bar staff Holly Penrose saw him.",
        ["Holly Penrose"],
        ["Bar Ivy"],
    ),
    (
        "a copy sent after an officer's word is no lower-case surname ('officer cc'd'); a "
        "surname there goes",
        "PCSO spoke to all three, HMO officer cc'd; housing officer okafor attended.",
        ["okafor"],
        ["officer cc'd"],
    ),
    (
        "a record's label after Police Scotland's 'PS' is no sergeant's name ('PS INC "
        "PS-2026…'); a sergeant's name goes",
        "PS INC PS-20260926-0044 // NATURE: NOISE - PARTY // PS HUGHES ATT 01:05.",
        ["PS-20260926-0044", "HUGHES"],
        ["PS INC"],
    ),
    (
        "a surname after a lower-case first name that is also a word, after a title ('mrs ivy "
        "cartwright's'); a verb after a title's surname stays",
        "mrs ivy cartwright's daughter rang; mrs jones will call back.",
        ["ivy", "cartwright"],
        ["will call back"],
    ),
    (
        "a mobile cut short after 'ring me on' in a message; a time after 'call me at' stays",
        "Answerphone: 'can you ring me on 07700 9006' - rest lost. Earlier: 'call me at 10:30'.",
        ["07700 9006"],
        ["10:30"],
    ),
    (
        "a whole reference with its dash does not take the incident's date after it; a log's "
        "number with its date stays one reference",
        "Incident 13260914-2207 14/09/26 23:52 hrs, loud party; log 1187 23/11/24 refers.",
        ["13260914-2207", "1187 23/11/24"],
        ["14/09/26 23:52"],
    ),
    pytest.param(
        "a nickname with no cue word",
        "Tiny was back on the estate with Marcus near Pitsea station.",
        ["Tiny", "Marcus"],
        ["Pitsea station"],
        marks=GAP,
    ),
]


@pytest.mark.parametrize(("shape", "text", "gone", "kept"), SHAPES)
def test_shape(
    engine: RedactionEngine, shape: str, text: str, gone: list[str], kept: list[str]
) -> None:
    red = engine.redact(text).text
    for value in gone:
        assert value not in red, (shape, red)
    for value in kept:
        assert value in red, (shape, red)


def test_the_forces_own_incident_reference_stays_where_shared(engine: RedactionEngine) -> None:
    text = (
        "Our log 42/001234/26 shared under the ISA; crime 42/CR/012345/26, custody no EX-24-1182."
    )
    sharing = RedactionEngine(engine.model, shared_reference=r"42/\d{6}/\d{2}")
    red = sharing.redact(text).text
    assert "42/001234/26" in red
    assert "012345" not in red and "EX-24-1182" not in red
    assert not [e for e in sharing.find_structured_pii(text) if "001234" in text[e.start : e.end]]
    assert "42/001234/26" not in engine.redact(text).text  # not shared unless configured


@pytest.mark.parametrize(
    ("shape", "text", "gone", "kept"),
    [row.values if hasattr(row, "values") else row for row in SHAPES],  # known gaps included
)
def test_every_value_a_row_names_is_in_its_text(
    shape: str, text: str, gone: list[str], kept: list[str]
) -> None:
    """A row whose value is not in its text would pass whatever the engine did."""
    assert gone or kept, shape
    for value in gone + kept:
        assert value in text, (shape, value)
